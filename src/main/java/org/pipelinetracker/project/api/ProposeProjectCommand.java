package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Proposes a new project; the first event of its stream. {@code language} is the language of its title and
 * description (null: {@link ContentLanguage#DEFAULT}).
 */
public record ProposeProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String title, String description,
		String sector, String region, List<Partner> partners, Money estimatedCost, LocalDate proposedOn,
		LocalDate plannedStart, LocalDate plannedEnd, String language) {

	/** A proposal whose texts are in English. */
	public ProposeProjectCommand(ProjectId projectId, String title, String description, String sector, String region,
			List<Partner> partners, Money estimatedCost, LocalDate proposedOn, LocalDate plannedStart,
			LocalDate plannedEnd) {
		this(projectId, title, description, sector, region, partners, estimatedCost, proposedOn, plannedStart, plannedEnd,
				null);
	}
}
