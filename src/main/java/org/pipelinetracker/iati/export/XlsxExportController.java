package org.pipelinetracker.iati.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.iati.export.ExportSelection.Criteria;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectTotals.Unconverted;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.sheets.Workbook;
import org.pipelinetracker.sheets.Workbook.Amount;
import org.pipelinetracker.sheets.Workbook.Column;
import org.pipelinetracker.sheets.Workbook.Kind;
import org.pipelinetracker.sheets.Workbooks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The project exports as XLSX workbooks, in the caller's language: {@code GET /api/export/projects.xlsx} and
 * {@code /api/export/transactions.xlsx} (the same parameters and rows as the CSVs), and one project's statement
 * {@code GET /api/projects/{id}/statement.xlsx} (its fundings and every movement of money: commitments, corrections,
 * disbursements, incoming funds, expenditure), each optionally {@code asOf} a date and {@code knownAt} an instant.
 * The transactions and the statement have a sheet of plans too: the current budgets and planned disbursements.
 */
@RestController
class XlsxExportController {

	static final String USD = "USD";

	private static final List<Column> PROJECTS = List.of(col("ui.sheet.col.projectId", Kind.TEXT, 14),
			col("ui.sheet.col.title", Kind.TEXT, 44), col("ui.sheet.col.sector", Kind.TEXT, 9),
			col("ui.sheet.col.sectorName", Kind.TEXT, 28), col("ui.sheet.col.region", Kind.TEXT, 20),
			col("ui.sheet.col.stage", Kind.TEXT, 16), col("ui.sheet.col.iatiStatus", Kind.TEXT, 10),
			col("ui.sheet.col.proposedOn", Kind.DATE, 12), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.committed", Kind.MONEY, 18), col("ui.sheet.col.disbursed", Kind.MONEY, 18),
			col("ui.sheet.col.undisbursed", Kind.MONEY, 18), col("ui.sheet.col.received", Kind.MONEY, 18),
			col("ui.sheet.col.expended", Kind.MONEY, 18), col("ui.sheet.col.unconverted", Kind.TEXT, 40));

	private static final List<Column> TRANSACTIONS = List.of(col("ui.sheet.col.projectId", Kind.TEXT, 14),
			col("ui.sheet.col.fundingId", Kind.TEXT, 14), col("ui.sheet.col.transactionType", Kind.TEXT, 10),
			col("ui.sheet.col.kind", Kind.TEXT, 16), col("ui.sheet.col.valueDate", Kind.DATE, 12),
			col("ui.sheet.col.amount", Kind.MONEY, 20), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.amountUsd", Kind.MONEY, 18), col("ui.sheet.col.fxRate", Kind.NUMBER, 12),
			col("ui.sheet.col.fxRateDate", Kind.DATE, 12), col("ui.sheet.col.source", Kind.TEXT, 16),
			col("ui.sheet.col.funder", Kind.TEXT, 28), col("ui.sheet.col.provider", Kind.TEXT, 28),
			col("ui.sheet.col.receiver", Kind.TEXT, 28));

	private static final List<Column> FUNDINGS = List.of(col("ui.sheet.col.fundingId", Kind.TEXT, 14),
			col("ui.sheet.col.source", Kind.TEXT, 16), col("ui.sheet.col.funder", Kind.TEXT, 28),
			col("ui.sheet.col.committedOn", Kind.DATE, 12), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.originalAmount", Kind.MONEY, 20), col("ui.sheet.col.committed", Kind.MONEY, 20),
			col("ui.sheet.col.disbursed", Kind.MONEY, 20), col("ui.sheet.col.undisbursed", Kind.MONEY, 20),
			col("ui.sheet.col.facility", Kind.TEXT, 14));

	private static final List<Column> MOVEMENTS = List.of(col("ui.sheet.col.kind", Kind.TEXT, 16),
			col("ui.sheet.col.fundingId", Kind.TEXT, 14), col("ui.sheet.col.valueDate", Kind.DATE, 12),
			col("ui.sheet.col.currency", Kind.TEXT, 9), col("ui.sheet.col.amount", Kind.MONEY, 20),
			col("ui.sheet.col.description", Kind.TEXT, 36), col("ui.sheet.col.provider", Kind.TEXT, 28),
			col("ui.sheet.col.receiver", Kind.TEXT, 28));

	private static final List<Column> PLANS = List.of(col("ui.sheet.col.kind", Kind.TEXT, 22),
			col("ui.sheet.col.fundingId", Kind.TEXT, 14), col("ui.sheet.col.periodStart", Kind.DATE, 12),
			col("ui.sheet.col.periodEnd", Kind.DATE, 12), col("ui.sheet.col.planType", Kind.TEXT, 12),
			col("ui.sheet.col.planStatus", Kind.TEXT, 12), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.amount", Kind.MONEY, 20), col("ui.sheet.col.valueDate", Kind.DATE, 12),
			col("ui.sheet.col.provider", Kind.TEXT, 28), col("ui.sheet.col.receiver", Kind.TEXT, 28),
			col("ui.sheet.col.revision", Kind.INTEGER, 9), col("ui.sheet.col.recordedOn", Kind.DATE, 12));

	/** The plans of many projects: the project's id first. */
	private static final List<Column> PROJECT_PLANS = projectFirst(PLANS);

	private final ExportSelection selection;
	private final ProjectTimeline timeline;
	private final Codelists codelists;
	private final FxRates fx;
	private final Workbooks workbooks;

	XlsxExportController(ExportSelection selection, ProjectTimeline timeline, Codelists codelists, FxRates fx,
			Workbooks workbooks) {
		this.selection = selection;
		this.timeline = timeline;
		this.codelists = codelists;
		this.fx = fx;
		this.workbooks = workbooks;
	}

	private static Column col(String key, Kind kind, int width) {
		return new Column(key, kind, width);
	}

	private static List<Column> projectFirst(List<Column> columns) {
		List<Column> all = new ArrayList<>();
		all.add(col("ui.sheet.col.projectId", Kind.TEXT, 14));
		all.addAll(columns);
		return List.copyOf(all);
	}

	/** A plan's cells in the order of {@link #PLANS}. */
	private static Object[] planCells(PlanRow plan) {
		return new Object[] {planKindName(plan), plan.fundingId(), plan.periodStart(), plan.periodEnd(),
				plan.type() == null ? null : codeName("ref.budgetType.", plan.type()),
				plan.status() == null ? null : codeName("ref.budgetStatus.", plan.status()), plan.value().currency(),
				new Amount(plan.value().amount(), plan.value().currency()), plan.valueDate(), plan.provider(),
				plan.receiver(), plan.revision(), plan.recordedOn()};
	}

	private static Text planKindName(PlanRow plan) {
		return Text.of(plan.kind() == PlanRow.Kind.BUDGET ? "ui.sheet.kind.budget" : "ui.sheet.kind.plannedDisbursement");
	}

	/** IATI BudgetType and BudgetStatus 1 and 2 by name; another code as it was recorded. */
	private static Object codeName(String prefix, String code) {
		return code.equals("1") || code.equals("2") ? Text.of(prefix + code) : code;
	}

	@Operation(summary = "The projects as an XLSX workbook (the rows of projects.csv)", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/projects.xlsx")
	void projects(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String region, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Criteria criteria = ExportController.criteria(codelists, asOf, knownAt, stage, sector, region);
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.projects.name",
					Workbooks.titleWithCut("ui.sheet.projects.title", asOf, knownAt), PROJECTS);
			selection.forEach(criteria, p -> sheet.row(p.projectId, p.title, p.sector, p.sectorName, p.region,
					p.stage == null ? null : stageName(p.stage), p.iatiStatus, p.proposedOn,
					USD, usd(p.usd.committed()), usd(p.usd.disbursed()), usd(p.usd.undisbursed()),
					usd(p.usd.received()), usd(p.usd.expended()), unconverted(p.usd.unconverted())));
			book.send(response, "projects.xlsx");
		}
	}

	@Operation(summary = "The transactions as an XLSX workbook (the rows of transactions.csv)", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/transactions.xlsx")
	void transactions(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String region, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Criteria criteria = ExportController.criteria(codelists, asOf, knownAt, stage, sector, region);
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.transactions.name",
					Workbooks.titleWithCut("ui.sheet.transactions.title", asOf, knownAt), TRANSACTIONS);
			Workbook.Sheet plans = book.sheet("ui.sheet.plans.name",
					Workbooks.titleWithCut("ui.sheet.plans.title", asOf, knownAt), PROJECT_PLANS);
			selection.forEach(criteria, p -> {
				for (PlanRow plan : PlanRow.of(p)) {
					Object[] cells = planCells(plan);
					Object[] row = new Object[cells.length + 1];
					row[0] = p.projectId;
					System.arraycopy(cells, 0, row, 1, cells.length);
					plans.row(row);
				}
				for (MoneyFlow flow : MoneyFlow.of(p)) {
					FundingView f = flow.funding();
					Conversion usd = fx.toUsd(flow.amount().amount(), flow.amount().currency(), flow.valueDate());
					sheet.row(p.projectId, flow.fundingId(), flow.transactionType(), kindName(flow),
							flow.valueDate(), new Amount(flow.amount().amount(), flow.amount().currency()),
							flow.amount().currency(), usd.converted() ? usd(usd.usd()) : null,
							usd.converted() ? usd.rate().unitsPerUsd() : null,
							usd.converted() ? usd.rate().date() : null, f == null ? null : f.source.name(),
							f == null ? null : f.funder, flow.provider(), flow.receiver());
				}
			});
			book.send(response, "transactions.xlsx");
		}
	}

	@Operation(summary = "One project's statement as an XLSX workbook: fundings and every movement of money", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json")),
			@ApiResponse(responseCode = "404", description = "no such project (then)", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/projects/{id}/statement.xlsx")
	void statement(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
			@RequestParam(required = false) Instant knownAt, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ProjectView p = (asOf == null && knownAt == null ? timeline.current(id) : timeline.view(id, asOf, knownAt))
				.orElseThrow(() -> notFound(id, asOf, knownAt));
		try (Workbook book = workbooks.open(request)) {
			Text title = Workbooks.titleWithCut("ui.sheet.statement.title", asOf, knownAt);
			Text heading = Text.of("ui.sheet.statement.heading").with("title", title).with("id", p.projectId)
					.with("name", p.title);
			Workbook.Sheet fundings = book.sheet("ui.sheet.fundings.name", heading, FUNDINGS);
			for (FundingView f : p.fundings) {
				String currency = f.amount.currency();
				fundings.row(f.fundingId, f.source.name(), f.funder, f.committedOn, currency,
						new Amount(f.originalAmount.amount(), f.originalAmount.currency()),
						new Amount(f.amount.amount(), currency),
						f.disbursed == null ? null : new Amount(f.disbursed.amount(), currency),
						f.undisbursed == null ? null : new Amount(f.undisbursed.amount(), currency), f.facilityId);
			}
			Workbook.Sheet movements = book.sheet("ui.sheet.movements.name", heading, MOVEMENTS);
			for (MoneyFlow flow : MoneyFlow.of(p)) {
				movements.row(kindName(flow), flow.fundingId(), flow.valueDate(), flow.amount().currency(),
						new Amount(flow.amount().amount(), flow.amount().currency()), flow.description(),
						flow.provider(), flow.receiver());
			}
			Workbook.Sheet plans = book.sheet("ui.sheet.plans.name", heading, PLANS);
			for (PlanRow plan : PlanRow.of(p)) {
				plans.row(planCells(plan));
			}
			book.send(response, "statement-" + fileSafe(p.projectId) + ".xlsx");
		}
	}

	private RuntimeException notFound(String id, LocalDate asOf, Instant knownAt) {
		if ((asOf != null || knownAt != null) && timeline.current(id).isPresent()) {
			return (asOf == null ? Problems.of(Problems.Kind.PROJECT_NOT_YET_KNOWN_AT, id, knownAt)
					: knownAt == null ? Problems.of(Problems.Kind.PROJECT_NOT_YET_AS_OF, id, asOf)
					: Problems.of(Problems.Kind.PROJECT_NOT_YET_AS_OF_KNOWN_AT, id, asOf, knownAt)).exception();
		}
		return Problems.of(Problems.Kind.PROJECT_NOT_FOUND, id).exception();
	}

	private static Text stageName(Stage stage) {
		return Text.of("ref.stage." + stage.name());
	}

	private static Text kindName(MoneyFlow flow) {
		return Text.of(switch (flow.kind()) {
			case COMMITMENT -> "ui.sheet.kind.commitment";
			case CORRECTION -> "ui.sheet.kind.correction";
			case DISBURSEMENT -> "ui.sheet.kind.disbursement";
			case INCOMING_FUNDS -> "ui.sheet.kind.incomingFunds";
			case EXPENDITURE -> "ui.sheet.kind.expenditure";
			case CANCELLATION -> "ui.sheet.kind.cancellation";
			case OTHER -> "ref.transactionType." + flow.otherType();
		});
	}

	private static Amount usd(BigDecimal value) {
		return new Amount(value, USD);
	}

	private static String unconverted(List<Unconverted> amounts) {
		List<String> parts = new ArrayList<>();
		for (Unconverted u : amounts) {
			parts.add(u.currency() + " " + u.committed().toPlainString());
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	static String fileSafe(String id) {
		return id.replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
