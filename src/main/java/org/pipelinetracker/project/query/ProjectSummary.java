package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One line of the project list: the totals per currency (committed, disbursed, incoming funds received, expended),
 * in USD and in the display currency ({@code converted}: its totals, the rates used and the amounts without a rate,
 * which the totals leave out), and for the web UI's board its partners, the sources funding it, its open stalls
 * (each with {@code since} and {@code daysStalled}, as the project and {@code /api/alerts} give them) and its
 * data-quality flags. {@code title} is the original, in {@code language}; {@code titles} the title in every language
 * recorded, by language tag (the original's included).
 */
public record ProjectSummary(String projectId, String title, String sector, String sectorName, String region,
		Stage stage, String iatiStatus, LocalDate stageSince, LocalDate proposedOn,
		Map<String, BigDecimal> committedByCurrency, Map<String, BigDecimal> disbursedByCurrency,
		Map<String, BigDecimal> receivedByCurrency, Map<String, BigDecimal> expendedByCurrency,
		BigDecimal committedUsd, BigDecimal disbursedUsd, BigDecimal receivedUsd, BigDecimal expendedUsd,
		boolean unconvertedAmounts, long version, Instant lastEventAt, List<Partner> partners,
		Set<FundingSource> fundingSources, String language, Map<String, String> titles,
		List<ProjectView.AlertView> alerts, ProjectTotals.ConvertedTotals converted, List<DataQuality.Entry> dataQuality) {

	static ProjectSummary of(ProjectView v) {
		return new ProjectSummary(v.projectId, v.title, v.sector, v.sectorName, v.region, v.stage, v.iatiStatus,
				v.stageSince, v.proposedOn, v.committedByCurrency, v.disbursedByCurrency, v.receivedByCurrency,
				v.expendedByCurrency, v.usd.committed(), v.usd.disbursed(), v.usd.received(), v.usd.expended(),
				!v.usd.unconverted().isEmpty(), v.version, v.lastEventAt, v.partners,
				v.fundings.stream().map(f -> f.source).collect(Collectors.toCollection(TreeSet::new)), v.language,
				titles(v), v.alerts, v.converted.withoutFlows(), v.dataQuality);
	}

	private static Map<String, String> titles(ProjectView v) {
		Map<String, String> titles = new TreeMap<>();
		v.texts.forEach((language, text) -> {
			if (text.title() != null) {
				titles.put(language, text.title());
			}
		});
		return titles;
	}
}
