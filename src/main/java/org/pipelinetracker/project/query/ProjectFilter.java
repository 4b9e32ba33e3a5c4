package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Filters for the project list; null (or, for {@code words} and {@code stages}, empty) means "any". {@code words}: the
 * words of a search, in their {@link org.pipelinetracker.reference.SearchText} form, each to be found in the project's
 * search text; {@code flag}: projects carrying this data-quality flag; {@code stages}: any of these stages (an IATI
 * activity status stands for the stages it is given for); {@code funder}: projects with a funding from this funder
 * (its recorded name); {@code activeIn}: projects alive in this fiscal year or quarter (see {@link #accepts}).
 */
public record ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag,
		Set<Stage> stages, String funder, FiscalPeriod activeIn) {

	public ProjectFilter {
		words = words == null ? List.of() : List.copyOf(words);
		stages = stages == null ? Set.of() : Set.copyOf(stages);
		funder = funder == null || funder.isBlank() ? null : funder.strip();
	}

	/** Without a funder or a fiscal period. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag,
			Set<Stage> stages) {
		this(stage, sector, region, words, flag, stages, null, null);
	}

	/** Whether the filter asks what the stored columns cannot answer: a funder or a fiscal period. */
	boolean readsDocuments() {
		return funder != null || activeIn != null;
	}

	/**
	 * Whether {@code view} passes the funder and fiscal-period filters: one of its fundings is from {@code funder}
	 * (its recorded name, case and surrounding spaces aside), and its life overlaps {@code activeIn} (proposed on or
	 * before the period's end, and not completed or cancelled before its start).
	 */
	boolean accepts(ProjectView view) {
		if (funder != null && view.fundings.stream().noneMatch(f -> f.funder != null
				&& f.funder.strip().equalsIgnoreCase(funder))) {
			return false;
		}
		if (activeIn != null) {
			if (view.proposedOn == null || view.proposedOn.isAfter(activeIn.end())) {
				return false;
			}
			LocalDate closed = view.stageHistory.stream()
					.filter(e -> e.stage() == Stage.COMPLETED || e.stage() == Stage.CANCELLED)
					.map(ProjectView.StageEntry::since).findFirst().orElse(null);
			return closed == null || !closed.isBefore(activeIn.start());
		}
		return true;
	}

	/** Without a data-quality flag filter or a set of stages. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words) {
		this(stage, sector, region, words, null, Set.of());
	}

	/** Without a set of stages. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag) {
		this(stage, sector, region, words, flag, Set.of());
	}
}
