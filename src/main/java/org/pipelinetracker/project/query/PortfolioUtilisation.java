package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.project.query.ProjectUtilisation.CurrencyUtilisation;
import org.pipelinetracker.project.query.ProjectUtilisation.PeriodUtilisation;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Planned against actual disbursement of the whole portfolio ({@code GET /api/utilisation}), in groups: by funding
 * source, funder, credit facility or project, or in total; per currency (never converted) and fiscal period, with the
 * same rules as one project's figures ({@link ProjectUtilisation}, both summed by {@link UtilisationLedger}). Without a
 * cut the projects are read from the {@code project_view} read model; with {@code asOf} or {@code knownAt} each
 * project's history is replayed to the cut.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioUtilisation {

	/** A plan of the whole project (or of a commitment not shown) belongs to no source, funder or facility. */
	public static final String UNALLOCATED = "UNALLOCATED";
	/** The group of commitments drawing on no credit facility. */
	public static final String NO_FACILITY = "NO_FACILITY";
	/** The one group when nothing is grouped. */
	public static final String TOTAL = "TOTAL";

	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final ProjectTimeline timeline;

	PortfolioUtilisation(JdbcTemplate jdbc, JsonMapper json, ProjectTimeline timeline) {
		this.jdbc = jdbc;
		this.json = json;
		this.timeline = timeline;
	}

	/** How the portfolio is grouped. */
	public enum GroupBy {
		NONE, SOURCE, FUNDER, FACILITY, PROJECT
	}

	/**
	 * The answer: on {@code onDate}, as known at {@code knownAt} (null: everything recorded), in the fiscal calendar
	 * starting in {@code fiscalYearStartMonth}, by {@code periodicity}; one entry per group and currency.
	 */
	public record Answer(LocalDate onDate, Instant knownAt, int fiscalYearStartMonth, Periodicity periodicity,
			GroupBy groupBy, List<GroupUtilisation> groups) {
	}

	/**
	 * One group in one currency: {@code group} (the source code, funder's name, facility id, project id, {@code TOTAL},
	 * {@code NO_FACILITY} or {@code UNALLOCATED}), {@code projects} (how many projects count in it), and the same
	 * figures as a project's currency: committed, disbursed, undisbursed, disbursed ÷ committed, planned to date,
	 * disbursed to date, behind plan (negative when ahead), utilisation (null when nothing was planned), the periods.
	 */
	public record GroupUtilisation(String group, int projects, String currency, BigDecimal committed,
			BigDecimal disbursed, BigDecimal undisbursed, BigDecimal disbursedOfCommitted, BigDecimal plannedToDate,
			BigDecimal disbursedToDate, BigDecimal behindPlan, BigDecimal utilisation, List<PeriodUtilisation> periods) {

		static GroupUtilisation of(UtilisationLedger.GroupFigures g) {
			CurrencyUtilisation c = g.figures();
			return new GroupUtilisation(g.group(), g.projects(), c.currency(), c.committed(), c.disbursed(),
					c.undisbursed(), c.disbursedOfCommitted(), c.plannedToDate(), c.disbursedToDate(), c.behindPlan(),
					c.utilisation(), c.periods());
		}
	}

	/** The portfolio on {@code asOf} (null: {@code today}) as known at {@code knownAt} (null: now). */
	public Answer of(GroupBy groupBy, LocalDate asOf, Instant knownAt, FiscalCalendar calendar, Periodicity periodicity,
			LocalDate today) {
		LocalDate onDate = asOf != null ? asOf : today;
		UtilisationLedger ledger = new UtilisationLedger(onDate, calendar, periodicity);
		for (ProjectView view : views(asOf, knownAt, false)) {
			ledger.add(view, groupOf(groupBy, view), groupBy == GroupBy.PROJECT ? view.projectId
					: groupBy == GroupBy.NONE ? TOTAL : UNALLOCATED);
		}
		return new Answer(onDate, knownAt, calendar.startMonth(), periodicity, groupBy,
				ledger.figures().stream().map(GroupUtilisation::of).toList());
	}

	/**
	 * A current planned disbursement of the portfolio (the latest revision of each plan) on {@code asOf} as known at
	 * {@code knownAt}, for series drawn beside the actuals: its project and sector, its commitment's funding source
	 * ({@code UNALLOCATED} for a plan of the whole project), its value in its own currency and when it is due (the end
	 * of its period, or its start when it has none).
	 */
	public record PlanDue(String projectId, String sector, String source, String currency, BigDecimal amount,
			LocalDate due) {
	}

	/** Every current planned disbursement on {@code asOf} (null: now) as known at {@code knownAt} (null: now). */
	public List<PlanDue> plansDue(LocalDate asOf, Instant knownAt) {
		List<PlanDue> plans = new java.util.ArrayList<>();
		for (ProjectView view : views(asOf, knownAt, true)) {
			java.util.Map<String, String> sourceOf = new java.util.HashMap<>();
			view.fundings.forEach(f -> sourceOf.put(f.fundingId, f.source != null ? f.source.name() : UNALLOCATED));
			for (ProjectView.PlannedDisbursementView p : ProjectPlanLines.currentPlannedDisbursements(view)) {
				String source = p.fundingId() == null ? UNALLOCATED : sourceOf.getOrDefault(p.fundingId(), UNALLOCATED);
				plans.add(new PlanDue(view.projectId, view.sector, source, p.value().currency(), p.value().amount(),
						UtilisationLedger.due(p)));
			}
		}
		return plans;
	}

	private static Function<FundingView, String> groupOf(GroupBy groupBy, ProjectView view) {
		return switch (groupBy) {
			case NONE -> f -> TOTAL;
			case SOURCE -> f -> f.source != null ? f.source.name() : UNALLOCATED;
			case FUNDER -> f -> Objects.requireNonNullElse(f.funder, UNALLOCATED);
			case FACILITY -> f -> f.facilityId != null ? f.facilityId : NO_FACILITY;
			case PROJECT -> f -> view.projectId;
		};
	}

	/**
	 * The projects now, or replayed to the cut; {@code withPlans}: only those with a planned disbursement now
	 * ({@code project_view.has_plans}, indexed). A plan is never removed, only revised, so a project without one
	 * now had none at any earlier cut either: the others need not be read or replayed.
	 */
	private List<ProjectView> views(LocalDate asOf, Instant knownAt, boolean withPlans) {
		String where = withPlans ? " where has_plans = true" : "";
		if (asOf == null && knownAt == null) {
			return jdbc.query("select document from project_view" + where + " order by project_id",
					(rs, i) -> json.readValue(rs.getString(1), ProjectView.class));
		}
		return jdbc.queryForList("select project_id from project_view" + where + " order by project_id", String.class)
				.stream().map(id -> timeline.view(id, asOf, knownAt)).flatMap(java.util.Optional::stream).toList();
	}
}
