package org.pipelinetracker.audit.verify;

/**
 * One differing field of a read-model row: the column, and for a JSON document (a {@code ProjectView} in
 * {@code project_view.document}) the field's JSON path in it, such as {@code $.alerts[0].dueOn} (null for a plain
 * column); the live value and the value the events explain, in full.
 */
public record FieldDifference(String column, String path, Object live, Object expected) {
}
