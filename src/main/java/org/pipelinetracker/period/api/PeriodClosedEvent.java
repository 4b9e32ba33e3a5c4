package org.pipelinetracker.period.api;

import java.time.LocalDate;

/**
 * A fiscal period was closed: project writes effective from {@code startsOn} to {@code endsOn} (both inclusive)
 * need a restatement from now on. Who closed it and why are the message's metadata; when, its timestamp.
 */
public record PeriodClosedEvent(String period, LocalDate startsOn, LocalDate endsOn) implements PeriodEvent {
}
