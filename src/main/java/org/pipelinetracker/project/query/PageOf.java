package org.pipelinetracker.project.query;

import java.util.List;

/**
 * A page of results with the numbers a client needs to page on.
 */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
}
