package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * An event after which the project is in another stage (or, for the proposal, in its first): which stage follows,
 * and since which (effective) date. Declared once here, by each event, so the aggregate and every read model agree
 * on it without a switch of their own.
 * <p>
 * The two methods are no getters ({@code getX}/{@code isX}): the serialized events carry no extra property.
 */
public sealed interface StageChange extends ProjectEvent permits ProjectProposedEvent, ProjectStageChangedEvent,
		ImplementationStartedEvent, ProjectFinalisedEvent, ProjectSuspendedEvent, ProjectResumedEvent,
		ProjectCompletedEvent, ProjectCancelledEvent {

	/** The stage the project is in after this event. */
	Stage stageAfter();

	/** The date the project entered {@link #stageAfter()}. */
	LocalDate stageChangedOn();
}
