package org.pipelinetracker.project.app;

/**
 * What a write answers: the project and its version after the write.
 */
public record WriteResult(String projectId, long version) {
}
