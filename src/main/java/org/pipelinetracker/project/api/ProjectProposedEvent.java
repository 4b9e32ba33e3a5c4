package org.pipelinetracker.project.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A project was proposed, with its title and description in {@code language} (the original text; other languages
 * are {@link ProjectTextRecordedEvent}s).
 * <p>
 * Revision "3": each partner has {@code ref}, {@code type}, {@code names}, {@code activityId} and
 * {@code crsChannelCode} (null, or empty names, when not known) and may have no country. Revision "2": {@code language}
 * always present, partners with name, country and role only: read as revision 3 with nothing more known of them
 * ({@code audit.upcasting.ProposedPartnersUpcaster}). No revision: proposals stored before languages were recorded, read
 * as English ({@code audit.upcasting.ProjectProposedEventUpcaster}), then as revision 2.
 */
@Revision("3")
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
