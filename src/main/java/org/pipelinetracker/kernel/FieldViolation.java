package org.pipelinetracker.kernel;

/**
 * One thing wrong with a request: the field (JSON path such as {@code partners[0].country}) and why.
 */
public record FieldViolation(String field, String reason) {
}
