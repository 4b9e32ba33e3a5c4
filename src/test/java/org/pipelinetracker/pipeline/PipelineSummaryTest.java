package org.pipelinetracker.pipeline;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.pipeline.PipelineQueries.Pipeline;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.reference.Codelists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.pipelinetracker.pipeline.FundingTimeSeries.GroupBy;
import org.pipelinetracker.pipeline.FundingTimeSeries.Interval;
import org.pipelinetracker.pipeline.FundingTimeSeries.SeriesPoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline summary (the default {@code GET /api/pipeline} kept aggregated by the projection) against the full
 * computation from the facts, on a mix written by 8 clients at once with 4 segments on the pipeline processor (so
 * segments add to the shared lines concurrently): every stage including suspend/resume back and forth and cancel, commitments in UZS after the rate
 * date, EUR, and in UZS before any rate and JPY (no rate: unconverted), corrections up and down (one on its
 * commitment's day, so the money group is converted as a whole), disbursements. The funding time series read from the
 * day sums ({@code pipeline_money_day}) against the same series summed from the facts, on that mix, after a replay and
 * after a rebuild. Runs on H2 and, in the postgres execution, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=pipeline-summary",
		// 4 segments on H2 too (the H2 default is 1): segments add to the shared lines concurrently
		"axon.eventhandling.processors.pipeline.initial-segment-count=4",
		"axon.eventhandling.processors.pipeline.thread-count=4",
		// kept at 4 on one node: not merged into one (SegmentBalancer)
		"tracker.cluster.segments-follow-nodes=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSummaryTest {

	static final int PROJECTS = 36;
	static final String[] SECTORS = {"21030", "12191", "14050"};

	@LocalServerPort
	int port;

	@Autowired
	PipelineQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FxRates fx;

	@Autowired
	Codelists codelists;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	FundingTimeSeries series;

	@Autowired
	TransactionTemplate transaction;

	Api api;
	final AtomicInteger stageFacts = new AtomicInteger();
	final AtomicInteger moneyFacts = new AtomicInteger();

	@BeforeAll
	void scenario() throws Exception {
		api = new Api(port);
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < PROJECTS; i++) {
				int n = i;
				done.add(clients.submit(() -> project(n)));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			clients.shutdown();
		}
		awaitFacts();
	}

	/** Project n: variant n % 6 decides how far it gets. */
	private void project(int n) {
		String id = "SUM-" + n;
		int variant = n % 6;
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Summary %d","sector":"%s","region":"Tashkent","proposedOn":"2025-01-0%d"}
				""".formatted(id, n, SECTORS[n % SECTORS.length], 1 + n % 5)), 1, 0);
		if (variant == 0) {
			return; // PROPOSED
		}
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"A-" + n + "\",\"type\":\"LOAN\",\"signedOn\":\"2025-02-01\"}"), 1, 0);
		if (variant == 1) {
			return; // AGREED
		}
		// the first commitment finances the project: UZS before any rate, unconverted
		ok(fund(id, "B-" + n, "UZBEK_BUDGET", "Ministry of Finance", (1_000_000_000L + n) + ".25", "UZS", "2025-03-01"), 1, 1);
		ok(fund(id, "J-" + n, "OTHER", "JICA", (5_000_000 + n) + "", "JPY", "2025-04-01"), 0, 1);
		ok(fund(id, "K-" + n, "KOICA_GRANT", "KOICA", (61_775_700_000L + n * 1001L) + "", "UZS", "2025-09-20"), 0, 1);
		ok(fund(id, "P-" + n, "PRIVATE_INVESTMENT", "Investor", (1000 + n) + ".01", "EUR", "2025-10-01"), 0, 1);
		// up, on the commitment's own day: one money group of 1,500.37 + n EUR, converted as a whole
		ok(correct(id, "P-" + n, (1500 + n) + ".37", "EUR", "2025-10-01"), 0, 1);
		ok(disburse(id, "K-" + n, (12_355_140_000L + n) + "", "UZS", "2025-10-05"), 0, 1);
		ok(disburse(id, "P-" + n, "333.33", "EUR", "2025-10-06"), 0, 1);
		ok(correct(id, "K-" + n, (50_000_000_000L + n * 7L) + "", "UZS", "2025-10-07"), 0, 1); // down
		ok(disburse(id, "B-" + n, "100000.50", "UZS", "2025-10-08"), 0, 1); // after the rate date: converted
		if (variant == 2) {
			return; // FINANCED
		}
		ok(api.post("/api/projects/" + id + "/start", "{\"on\":\"2025-10-10\"}"), 1, 0);
		if (variant == 3) {
			if (n % 4 == 3) {
				ok(api.post("/api/projects/" + id + "/complete", "{\"on\":\"2025-10-12\"}"), 1, 0);
			}
			return; // IMPLEMENTATION or COMPLETED
		}
		ok(api.post("/api/projects/" + id + "/suspend", "{\"on\":\"2025-10-12\",\"reason\":\"Audit\"}"), 1, 0);
		ok(api.post("/api/projects/" + id + "/resume", "{\"on\":\"2025-10-15\",\"reason\":\"Audit closed\"}"), 1, 0);
		if (variant == 4) {
			ok(api.post("/api/projects/" + id + "/suspend", "{\"on\":\"2025-10-20\",\"reason\":\"Dispute\"}"), 1, 0);
			return; // SUSPENDED, back and forth
		}
		ok(api.post("/api/projects/" + id + "/cancel", "{\"on\":\"2025-10-20\",\"reason\":\"Withdrawn\"}"), 1, 0);
		// corrections are still accepted after a cancellation: down in JPY, up in EUR
		ok(correct(id, "J-" + n, (4_000_000 + n) + "", "JPY", "2025-10-21"), 0, 1);
		ok(correct(id, "P-" + n, (2000 + n) + ".99", "EUR", "2025-10-22"), 0, 1); // CANCELLED
	}

	private Response fund(String id, String fundingId, String source, String funder, String amount, String currency,
			String on) {
		return api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"%s","source":"%s","funder":"%s","amount":{"amount":"%s","currency":"%s"},"committedOn":"%s"}
				""".formatted(fundingId, source, funder, amount, currency, on));
	}

	private Response correct(String id, String fundingId, String amount, String currency, String on) {
		return api.post("/api/projects/" + id + "/fundings/" + fundingId + "/corrections", """
				{"amount":{"amount":"%s","currency":"%s"},"reason":"Revised","on":"%s"}
				""".formatted(amount, currency, on));
	}

	private Response disburse(String id, String fundingId, String amount, String currency, String on) {
		return api.post("/api/projects/" + id + "/disbursements", """
				{"fundingId":"%s","amount":{"amount":"%s","currency":"%s"},"disbursedOn":"%s"}
				""".formatted(fundingId, amount, currency, on));
	}

	private void ok(Response r, int stages, int money) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		stageFacts.addAndGet(stages);
		moneyFacts.addAndGet(money);
	}

	/** Until the pipeline projection has written every fact the scenario caused (summary rows go in the same commits). */
	private void awaitFacts() {
		await("every fact projected", () -> count("pipeline_stage") == stageFacts.get()
				&& count("pipeline_money") == moneyFacts.get());
	}

	private long count(String table) {
		return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
	}

	@Test
	@Order(1)
	void summaryAnswersExactlyWhatTheFullComputationAnswers() {
		assertThat(pipelineProcessor().processingStatus()).as("segments of the pipeline processor").hasSize(4);
		Pipeline summarised = queries.summarised();
		Pipeline computed = queries.computed(null, null);
		assertThat(summarised).as("the summary is used").isNotNull();
		assertThat(summarised).isEqualTo(computed);
		assertThat(queries.pipeline(null, null)).isEqualTo(computed);
		assertThat(api.get("/api/pipeline").json().path("committedUsd").decimalValue())
				.isEqualTo(computed.committedUsd());

		// the mix is what it claims to be: every stage, converted and unconverted money
		Map<Stage, Long> byStage = new java.util.EnumMap<>(Stage.class);
		computed.byStage().forEach(l -> byStage.put(l.stage(), l.projects()));
		assertThat(byStage).containsEntry(Stage.PROPOSED, 6L).containsEntry(Stage.AGREED, 6L)
				.containsEntry(Stage.FINANCED, 6L).containsEntry(Stage.IMPLEMENTATION, 3L)
				.containsEntry(Stage.COMPLETED, 3L).containsEntry(Stage.SUSPENDED, 6L).containsEntry(Stage.CANCELLED, 6L);
		assertThat(computed.projects()).isEqualTo(PROJECTS);
		assertThat(computed.unconverted()).extracting(Unconverted::currency).containsExactly("JPY", "UZS");
		assertThat(computed.bySource()).extracting(PipelineQueries.SourceLine::source)
				.containsExactly("KOICA_GRANT", "OTHER", "PRIVATE_INVESTMENT", "UZBEK_BUDGET");
		assertThat(computed.bySource()).allSatisfy(s -> assertThat(s.fundings()).isEqualTo(24));
		assertThat(computed.committedUsd().signum()).isPositive();
		assertThat(computed.byStage().stream().filter(l -> l.stage() == Stage.CANCELLED).findFirst().orElseThrow()
				.committedUsd().signum()).isPositive();
		assertThat(computed.bySector()).hasSize(SECTORS.length);
	}

	@Test
	@Order(2)
	void changedRatesAreComputedFromTheFactsNotReadFromTheSummary(@TempDir Path dir) throws Exception {
		Path changedFile = dir.resolve("fx-rates.csv");
		Files.writeString(changedFile, """
				date,currency,units_per_usd,source
				2025-09-10,UZS,12355.14,UzDaily.uz
				2025-09-10,EUR,0.9,a changed rate
				""", StandardCharsets.UTF_8);
		FxRates changed = new FxRates(changedFile);
		assertThat(changed.fingerprint()).isNotEqualTo(fx.fingerprint());
		PipelineQueries withChangedRates = new PipelineQueries(jdbc, changed, codelists);

		assertThat(withChangedRates.summarised()).as("summary converted with other rates").isNull();
		Pipeline answer = withChangedRates.pipeline(null, null);
		assertThat(answer).isEqualTo(withChangedRates.computed(null, null));
		assertThat(answer.committedUsd()).isNotEqualTo(queries.pipeline(null, null).committedUsd());

		// the same rates written differently (1.50 or 1.5) convert alike: same fingerprint, summary used
		Path sameFile = dir.resolve("same.csv");
		Files.writeString(sameFile, """
				date,currency,units_per_usd,source
				2025-09-10,EUR,0.84976199370,another source name
				2025-09-10,UZS,12355.140,UzDaily.uz
				""", StandardCharsets.UTF_8);
		FxRates same = new FxRates(sameFile);
		assertThat(same.fingerprint()).isEqualTo(fx.fingerprint());
		assertThat(new PipelineQueries(jdbc, same, codelists).summarised()).isEqualTo(queries.computed(null, null));
	}

	@Test
	@Order(3)
	void aBatchConvertedWithOtherRatesMakesTheQueryComputeUntilAReplay(@TempDir Path dir) throws Exception {
		Path otherFile = dir.resolve("fx-rates.csv");
		Files.writeString(otherFile, "date,currency,units_per_usd,source\n2025-09-10,EUR,0.9,other\n",
				StandardCharsets.UTF_8);
		// a node with other rates summarises a batch (here: one that touches a line without changing it)
		PipelineSummary otherNode = new PipelineSummary(jdbc);
		PipelineSummary.Deltas batch = new PipelineSummary.Deltas();
		batch.line(PipelineSummary.STAGE, Stage.PROPOSED.name());
		otherNode.apply(batch, new FxRates(otherFile).fingerprint());
		assertThat(jdbc.queryForObject("select rates from pipeline_summary_state", String.class))
				.isEqualTo(PipelineSummary.MIXED);
		assertThat(queries.summarised()).isNull();
		assertThat(queries.pipeline(null, null)).isEqualTo(queries.computed(null, null));

		replayPipeline();
		await("summary rebuilt with the current rates", () -> fx.fingerprint().equals(
				jdbc.queryForObject("select rates from pipeline_summary_state", String.class))
				&& Objects.equals(queries.summarised(), queries.computed(null, null))
				&& queries.computed(null, null).projects() == PROJECTS);
	}

	@Test
	@Order(4)
	void replayRebuildsTheSummaryIdentically() {
		String lines = "select * from pipeline_summary_line order by dimension, line_key";
		String projects = "select * from pipeline_summary_project order by project_id";
		List<Map<String, Object>> linesBefore = jdbc.queryForList(lines);
		List<Map<String, Object>> projectsBefore = jdbc.queryForList(projects);
		Pipeline before = queries.pipeline(null, null);
		assertThat(projectsBefore).hasSize(PROJECTS);

		replayPipeline();
		await("summary rebuilt", () -> jdbc.queryForList(lines).equals(linesBefore)
				&& jdbc.queryForList(projects).equals(projectsBefore));
		assertThat(queries.summarised()).isEqualTo(before).isEqualTo(queries.computed(null, null));
	}

	// --- the funding time series from the day sums ---------------------------------------------------------------

	@Test
	@Order(1)
	void timeSeriesFromTheDaySumsAnswersExactlyWhatTheFactsAnswer() {
		assertDaySumsEqualTheFacts();

		// corrections down are negative facts: KOICA's commitments in UZS (24 fundings, n = 2..5 mod 6, sum of n 444)
		// are 61,775,700,000 + 1,001 n each in 2025-Q3 and corrected to 50,000,000,000 + 7 n in 2025-Q4
		List<SeriesPoint> uzs = series.timeSeries(Interval.QUARTER, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31),
				GroupBy.SOURCE, "UZS", false, null, null, TODAY);
		SeriesPoint q3 = point(uzs, "KOICA_GRANT", "2025-Q3");
		SeriesPoint q4 = point(uzs, "KOICA_GRANT", "2025-Q4");
		assertThat(q3.committed()).isEqualByComparingTo("1482617244444");
		assertThat(q4.committed()).isEqualByComparingTo("-282617241336");
		assertThat(q4.cumulativeCommitted()).isEqualByComparingTo("1200000003108");
		assertThat(q4.disbursed()).isEqualByComparingTo("296523360444");
		assertThat(point(uzs, "UZBEK_BUDGET", "2025-Q4").disbursed()).isEqualByComparingTo("2400012");

		// the day sums are what the series reads: a change to them (rolled back) changes its answer, not the facts'
		transaction.executeWithoutResult(status -> {
			jdbc.update("update pipeline_money_day set amount = amount + 1 where effective_date = ? and source ="
					+ " 'KOICA_GRANT' and currency = 'UZS' and kind = 'COMMITTED'", java.sql.Date.valueOf("2025-09-20"));
			assertThat(point(series.timeSeries(Interval.QUARTER, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31),
					GroupBy.SOURCE, "UZS", false, null, null, TODAY), "KOICA_GRANT", "2025-Q3").committed())
					.isEqualByComparingTo("1482617244445");
			assertThat(point(series.timeSeries(Interval.QUARTER, null, LocalDate.of(2025, 7, 1),
					LocalDate.of(2025, 12, 31), GroupBy.SOURCE, "UZS", false, null, null, TODAY, true), "KOICA_GRANT",
					"2025-Q3").committed()).isEqualByComparingTo("1482617244444");
			status.setRollbackOnly();
		});
	}

	@Test
	@Order(5)
	void aReplayAddsTheDaySumsUpAgainIdentically() {
		String days = "select * from pipeline_money_day order by effective_date, source, currency, kind";
		List<Map<String, Object>> before = jdbc.queryForList(days);
		assertThat(before).hasSize(10);
		replayPipeline();
		await("day sums rebuilt", () -> jdbc.queryForList(days).equals(before) && count("pipeline_money") == moneyFacts.get());
		assertDaySumsEqualTheFacts();
	}

	@Test
	@Order(6)
	void aRebuildSwapsInTheSameDaySums() {
		String days = "select * from pipeline_money_day order by effective_date, source, currency, kind";
		List<Map<String, Object>> before = jdbc.queryForList(days);
		Response started = api.post("/api/admin/replay?processor=pipeline", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(api.eventually("/api/admin/replay", r -> !r.json().path("state").asString().equals("RUNNING"))
				.json().path("state").asString()).isEqualTo("COMPLETED");
		assertThat(jdbc.queryForList(days)).isEqualTo(before);
		assertDaySumsEqualTheFacts();
	}

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

	/**
	 * Each day row is the sum and count of its facts, and every series the day sums answer (totals and sources, every
	 * interval, converted to USD or EUR or in UZS or JPY as recorded, with and without a valid-time cut) is the series
	 * summed from the facts, point for point.
	 */
	private void assertDaySumsEqualTheFacts() {
		assertThat(rows("select effective_date, source, currency, kind, amount, facts from pipeline_money_day"
				+ " where facts > 0 order by effective_date, source, currency, kind"))
				.isEqualTo(rows("select effective_date, source, currency, kind, sum(amount), count(*) from pipeline_money"
						+ " group by effective_date, source, currency, kind order by effective_date, source, currency, kind"))
				.hasSize(10); // the scenario's money falls on 10 (date, source, currency, kind) groups
		int compared = 0;
		for (Interval interval : Interval.values()) {
			for (GroupBy groupBy : List.of(GroupBy.NONE, GroupBy.SOURCE)) {
				for (String currency : List.of("USD", "EUR", "UZS", "JPY")) {
					boolean converting = currency.equals("USD") || currency.equals("EUR");
					for (LocalDate asOf : java.util.Arrays.asList(null, LocalDate.of(2025, 10, 6))) {
						List<SeriesPoint> fromDays = series.timeSeries(interval, null, null, null, groupBy, currency,
								converting, asOf, null, TODAY);
						List<SeriesPoint> fromFacts = series.timeSeries(interval, null, null, null, groupBy, currency,
								converting, asOf, null, TODAY, true);
						assertThat(fromDays).as(interval + " " + groupBy + " " + currency + " asOf " + asOf)
								.isNotEmpty().isEqualTo(fromFacts);
						compared += fromDays.size();
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

	private List<List<String>> rows(String sql) {
		return jdbc.query(sql, (rs, i) -> {
			List<String> row = new ArrayList<>();
			for (int c = 1; c <= 6; c++) {
				Object value = rs.getObject(c);
				row.add(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
						: value instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(value));
			}
			return row;
		});
	}

	private static SeriesPoint point(List<SeriesPoint> points, String group, String period) {
		return points.stream().filter(p -> p.group().equals(group) && p.period().equals(period)).findFirst()
				.orElseThrow(() -> new AssertionError("no point " + group + " " + period + " in " + points));
	}

	private StreamingEventProcessor pipelineProcessor() {
		return processing.eventProcessor(PipelineProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
	}

	private void replayPipeline() {
		StreamingEventProcessor processor = pipelineProcessor();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
	}

	private static void await(String what, Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.get()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("timed out waiting for: " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted waiting for: " + what, e);
			}
		}
	}
}
