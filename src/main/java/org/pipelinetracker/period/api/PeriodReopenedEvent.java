package org.pipelinetracker.period.api;

/**
 * A closed fiscal period was reopened, with why. Who reopened it is the message's metadata; when, its timestamp.
 */
public record PeriodReopenedEvent(String period, String reason) implements PeriodEvent {
}
