package org.pipelinetracker.period.app;

import java.time.Instant;

/** A closed period: since when, by whom and why (null when no reason was given). */
public record Closure(String period, Instant since, String by, String reason) {
}
