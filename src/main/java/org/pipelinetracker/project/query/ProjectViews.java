package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.fx.RateTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers list queries from the {@code project_view} read model (eventually consistent: it follows the
 * event store within milliseconds).
 */
@Service
@Transactional(readOnly = true)
public class ProjectViews {

	/**
	 * Rows fetched at a time by a read of the whole table: PostgreSQL's driver otherwise holds the whole result in
	 * memory (it streams with a fetch size inside a transaction, which this class's read-only one is).
	 */
	static final int SCAN_FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;
	private final JdbcTemplate scanning;
	private final JsonMapper json;
	private final FxRates fx;
	private final Clock clock;

	ProjectViews(JdbcTemplate jdbc, JsonMapper json, FxRates fx, Clock clock) {
		this.jdbc = jdbc;
		this.scanning = new JdbcTemplate(jdbc.getDataSource());
		scanning.setFetchSize(SCAN_FETCH_SIZE);
		this.json = json;
		this.fx = fx;
		this.clock = clock;
	}

	public PageOf<ProjectSummary> list(ProjectFilter filter, int page, int size) {
		return list(filter, page, size, DisplayCurrencies.DEFAULT);
	}

	/** A page of summaries, converted to {@code displayCurrency} (and USD) with one set of rates. */
	public PageOf<ProjectSummary> list(ProjectFilter filter, int page, int size, String displayCurrency) {
		return list(filter, ProjectSort.DEFAULT, page, size, displayCurrency);
	}

	/** A page of summaries in the order of {@code sort}, converted to {@code displayCurrency} (and USD). */
	public PageOf<ProjectSummary> list(ProjectFilter filter, ProjectSort sort, int page, int size, String displayCurrency) {
		RateTable rates = fx.current();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (filter.stage() != null) {
			where.append(" and stage = ?");
			args.add(filter.stage().name());
		}
		if (!filter.stages().isEmpty()) {
			where.append(" and stage in (").append(String.join(", ", java.util.Collections.nCopies(filter.stages().size(), "?")))
					.append(")");
			filter.stages().forEach(stage -> args.add(stage.name()));
		}
		if (filter.sector() != null) {
			where.append(" and sector = ?");
			args.add(filter.sector());
		}
		if (filter.region() != null) {
			where.append(" and region = ?");
			args.add(filter.region());
		}
		if (filter.flag() != null) {
			// the flags are written space-separated, each between spaces (ProjectStatusProjection)
			where.append(" and data_quality like ?");
			args.add("% " + filter.flag().name() + " %");
		}
		for (String word : filter.words()) {
			// a word holds only letters and digits (SearchText): nothing to escape in the pattern
			where.append(" and search_text like ?");
			args.add("%" + word + "%");
		}
		if (filter.readsDocuments()) {
			// a funder or a fiscal period: read the projects the columns select and keep those the filter accepts
			List<String> ids = jdbc.query("select document from project_view" + where + " order by project_id",
					(rs, i) -> json.readValue(rs.getString(1), ProjectView.class), args.toArray()).stream()
					.filter(filter::accepts).map(v -> v.projectId).toList();
			if (ids.isEmpty()) {
				return new PageOf<>(List.of(), page, size, 0, 0);
			}
			where.append(" and project_id in (").append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?")))
					.append(")");
			args.addAll(ids);
		}
		LocalDate today = LocalDate.now(clock);
		if (sort.money()) {
			return byMoney(where.toString(), args, sort, page, size, rates, displayCurrency, today);
		}
		Long total = jdbc.queryForObject("select count(*) from project_view" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<ProjectSummary> content = jdbc.query("select document from project_view" + where
				+ " order by " + sort.orderBy() + " limit ? offset ?", (rs, i) -> ProjectSummary.of(
						json.readValue(rs.getString(1), ProjectView.class).withLanguages().normalise(rates, displayCurrency)
								.countStalledDays(today)),
				pageArgs.toArray());
		long totalElements = total == null ? 0 : total;
		return new PageOf<>(content, page, size, totalElements, (int) ((totalElements + size - 1) / size));
	}

	/**
	 * A page in the order of a converted amount: every project the filter selects is read and converted with the same
	 * rates as the page shows, then ordered by the amount (ties by project id). A project with an amount of that kind
	 * without a usable rate cannot be placed (its converted total leaves that amount out), so it comes after all the
	 * others, in project id order, ascending or descending alike; never as if the amount were zero. Reads every
	 * selected project: fine for thousands, not for hundreds of thousands.
	 */
	private PageOf<ProjectSummary> byMoney(String where, List<Object> args, ProjectSort sort, int page, int size,
			RateTable rates, String displayCurrency, LocalDate today) {
		List<ProjectSummary> all = jdbc.query("select document from project_view" + where + " order by project_id",
				(rs, i) -> ProjectSummary.of(json.readValue(rs.getString(1), ProjectView.class).withLanguages()
						.normalise(rates, displayCurrency).countStalledDays(today)), args.toArray());
		boolean committed = sort.field() == ProjectSort.Field.COMMITTED;
		Comparator<BigDecimal> amounts = sort.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
		Comparator<ProjectSummary> order = Comparator
				.comparing((ProjectSummary p) -> withoutRate(p, committed))
				.thenComparing(p -> withoutRate(p, committed) ? BigDecimal.ZERO : amount(p, committed), amounts)
				.thenComparing(ProjectSummary::projectId);
		List<ProjectSummary> sorted = all.stream().sorted(order).toList();
		long from = Math.min((long) page * size, sorted.size());
		List<ProjectSummary> content = sorted.subList((int) from, (int) Math.min(from + size, sorted.size()));
		long totalElements = sorted.size();
		return new PageOf<>(List.copyOf(content), page, size, totalElements, (int) ((totalElements + size - 1) / size));
	}

	private static BigDecimal amount(ProjectSummary p, boolean committed) {
		BigDecimal value = committed ? p.converted().committed() : p.converted().disbursed();
		return value == null ? BigDecimal.ZERO : value;
	}

	/** Whether an amount of the kind (committed or disbursed) has no usable rate to the display currency. */
	private static boolean withoutRate(ProjectSummary p, boolean committed) {
		return p.converted().unconverted().stream().anyMatch(u -> {
			BigDecimal value = committed ? u.committed() : u.disbursed();
			return value != null && value.signum() != 0;
		});
	}

	/** The stored view of one project (the projection's latest state), if any. */
	Optional<ProjectView> stored(String projectId) {
		return jdbc.query("select document from project_view where project_id = ?",
				(rs, i) -> json.readValue(rs.getString(1), ProjectView.class).withLanguages(), projectId).stream().findFirst();
	}

	/**
	 * Every project with a funding, in id order, each trimmed to its id, title and fundings: one read of the list's
	 * documents, one at a time, for a scan of the whole portfolio (quarterly reporting's status, the missing-report
	 * notification) that neither folds every project's events nor holds every project's whole document, nor, on
	 * PostgreSQL, every row of the result (at 1M events its 83,195 documents did not fit in 512 MB). Eventually
	 * consistent, like the list.
	 */
	public List<ProjectView> fundingsOfAll() {
		List<ProjectView> funded = new ArrayList<>();
		scanning.query("select document from project_view order by project_id", rs -> {
			ProjectView whole = json.readValue(rs.getString(1), ProjectView.class);
			if (!whole.fundings.isEmpty()) {
				ProjectView trimmed = new ProjectView();
				trimmed.projectId = whole.projectId;
				trimmed.title = whole.title;
				trimmed.fundings = whole.fundings;
				funded.add(trimmed);
			}
		});
		return funded;
	}

	/**
	 * What changes whenever a project's view does: the number of projects and the sum of their versions (each event a
	 * view takes raises its version). For a caller that reuses an answer it computed from the views while this holds.
	 */
	public String fingerprint() {
		return jdbc.queryForObject("select count(*), coalesce(sum(version), 0) from project_view",
				(rs, i) -> rs.getLong(1) + "/" + rs.getBigDecimal(2).toPlainString());
	}
}
