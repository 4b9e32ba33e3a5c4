package org.pipelinetracker.project.query;

import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a project's commitments stand on a date ({@link LoanStanding}), read from the project's history cut at that
 * date (valid time), so a lender's view of a past date shows what was effective then.
 */
@Service
public class LoanStandings {

	private final ProjectTimeline timeline;

	LoanStandings(ProjectTimeline timeline) {
		this.timeline = timeline;
	}

	/** The commitment {@code fundingId} of the project as effective on {@code asOf}; empty if it was not committed then. */
	public Optional<LoanStanding> of(String projectId, String fundingId, LocalDate asOf) {
		return timeline.view(projectId, asOf, null).flatMap(view -> view.fundings.stream()
				.filter(f -> f.fundingId.equals(fundingId)).findFirst()
				.map(f -> LoanStanding.of(view, f, asOf)));
	}
}
