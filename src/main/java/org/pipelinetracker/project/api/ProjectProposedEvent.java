package org.pipelinetracker.project.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A project was proposed, with its title and description in {@code language} (the original text; other languages
 * are {@link ProjectTextRecordedEvent}s).
 * <p>
 * Revision "2": {@code language} is always present. Proposals stored before languages were recorded have no
 * revision and no {@code language}; they are read as English ({@code audit.upcasting.ProjectProposedEventUpcaster}).
 */
@Revision("2")
public record ProjectProposedEvent(ProjectId projectId, String title, String description, String sector, String region,
		List<Partner> partners, Money estimatedCost, LocalDate proposedOn, LocalDate plannedStart, LocalDate plannedEnd,
		String language) implements StageChange {

	/** A proposal in English ({@link ContentLanguage#DEFAULT}). */
	public ProjectProposedEvent(ProjectId projectId, String title, String description, String sector, String region,
			List<Partner> partners, Money estimatedCost, LocalDate proposedOn, LocalDate plannedStart,
			LocalDate plannedEnd) {
		this(projectId, title, description, sector, region, partners, estimatedCost, proposedOn, plannedStart, plannedEnd,
				ContentLanguage.DEFAULT);
	}

	@Override
	public LocalDate effectiveDate() {
		return proposedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.PROPOSED;
	}

	@Override
	public LocalDate stageChangedOn() {
		return proposedOn;
	}
}
