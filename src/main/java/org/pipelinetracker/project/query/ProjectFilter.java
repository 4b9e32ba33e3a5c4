package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Stage;

/**
 * Filters for the project list; null means "any".
 */
public record ProjectFilter(Stage stage, String sector, String region) {
}
