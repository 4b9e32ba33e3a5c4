package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One line of the project list.
 */
public record ProjectSummary(String projectId, String title, String sector, String sectorName, String region,
		Stage stage, String iatiStatus, LocalDate stageSince, LocalDate proposedOn,
		Map<String, BigDecimal> committedByCurrency, Map<String, BigDecimal> disbursedByCurrency,
		BigDecimal committedUsd, BigDecimal disbursedUsd, boolean unconvertedAmounts, long version, Instant lastEventAt) {

	static ProjectSummary of(ProjectView v) {
		return new ProjectSummary(v.projectId, v.title, v.sector, v.sectorName, v.region, v.stage, v.iatiStatus,
				v.stageSince, v.proposedOn, v.committedByCurrency, v.disbursedByCurrency, v.usd.committed(),
				v.usd.disbursed(), !v.usd.unconverted().isEmpty(), v.version, v.lastEventAt);
	}
}
