package org.pipelinetracker.iati.export;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.iati.conventions.ReportingOrg;
import org.pipelinetracker.iati.export.ExportSelection.Criteria;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectTotals.Unconverted;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.kernel.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/export/iati}, {@code /api/export/projects.csv} and {@code /api/export/transactions.csv}: every
 * project (or those matching {@code stage}, {@code sector}, {@code region} at the cut), as effective on
 * {@code asOf} and as recorded at {@code knownAt} (both optional). Written as a stream, one project at a time.
 */
@RestController
class ExportController {

	static final String CSV = "text/csv; charset=UTF-8";
	static final String XML = "application/xml; charset=UTF-8";

	static final String[] PROJECT_COLUMNS = {"project_id", "title", "sector", "sector_name", "region", "stage",
			"iati_status", "proposed_on", "committed_usd", "disbursed_usd", "undisbursed_usd", "received_usd", "expended_usd",
			"unconverted"};
	static final String[] TRANSACTION_COLUMNS = {"project_id", "funding_id", "transaction_type", "kind", "value_date",
			"amount", "currency", "amount_usd", "fx_rate", "fx_rate_date", "source", "funder", "provider", "receiver",
			"period_start", "period_end", "plan_type", "plan_status", "plan_revision"};

	private final ExportSelection selection;
	private final ReportingOrg reportingOrg;
	private final Codelists codelists;
	private final FxRates fx;
	private final Clock clock;

	ExportController(ExportSelection selection, ReportingOrg reportingOrg, Codelists codelists, FxRates fx, Clock clock) {
		this.selection = selection;
		this.reportingOrg = reportingOrg;
		this.codelists = codelists;
		this.fx = fx;
		this.clock = clock;
	}

	@GetMapping("/api/export/iati")
	@ApiResponse(responseCode = "200", description = "An IATI 2.03 iati-activities document", content = @Content(
			mediaType = "application/xml", schema = @Schema(type = "string")))
	void iati(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String region, HttpServletResponse response)
			throws IOException, XMLStreamException {
		Criteria criteria = criteria(codelists, asOf, knownAt, stage, sector, region);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		UnaryOperator<String> absolute = url -> url.startsWith("/") ? base + url : url;
		response.setContentType(XML);
		try (IatiActivitiesWriter xml = new IatiActivitiesWriter(response.getOutputStream(), reportingOrg, absolute,
				clock.instant())) {
			selection.forEach(criteria, view -> {
				try {
					xml.write(view);
				}
				catch (XMLStreamException e) {
					throw new IOException(e);
				}
			});
			xml.finish();
		}
	}

	@GetMapping("/api/export/projects.csv")
	@ApiResponse(responseCode = "200", description = "RFC 4180 CSV in UTF-8, a row per project", content = @Content(
			mediaType = "text/csv", schema = @Schema(type = "string")))
	void projects(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		Criteria criteria = criteria(codelists, asOf, knownAt, stage, sector, region);
		csvResponse(response, "projects.csv");
		try (CsvWriter csv = new CsvWriter(response.getOutputStream())) {
			csv.row((Object[]) PROJECT_COLUMNS);
			selection.forEach(criteria, p -> csv.row(p.projectId, p.title, p.sector, p.sectorName, p.region, p.stage,
					p.iatiStatus, p.proposedOn, p.usd.committed(), p.usd.disbursed(),
					p.usd.undisbursed(), p.usd.received(), p.usd.expended(),
					unconverted(p.usd.unconverted())));
		}
	}

	@GetMapping("/api/export/transactions.csv")
	@ApiResponse(responseCode = "200", description = "RFC 4180 CSV in UTF-8, a row per transaction, then a row per current budget and planned disbursement (kind budget or planned_disbursement, with period_start, period_end, plan_type, plan_status, plan_revision)", content = @Content(
			mediaType = "text/csv", schema = @Schema(type = "string")))
	void transactions(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		Criteria criteria = criteria(codelists, asOf, knownAt, stage, sector, region);
		csvResponse(response, "transactions.csv");
		try (CsvWriter csv = new CsvWriter(response.getOutputStream())) {
			csv.row((Object[]) TRANSACTION_COLUMNS);
			selection.forEach(criteria, p -> {
				for (MoneyFlow flow : MoneyFlow.of(p)) {
					FundingView f = flow.funding();
					Conversion usd = fx.toUsd(flow.amount().amount(), flow.amount().currency(), flow.valueDate());
					csv.row(p.projectId, flow.fundingId(), flow.transactionType(), flow.kind().label(),
							flow.valueDate(), flow.amount().amount(), flow.amount().currency(),
							usd.converted() ? usd.usd() : null,
							usd.converted() ? usd.rate().unitsPerUsd() : null,
							usd.converted() ? usd.rate().date() : null, f == null ? null : f.source,
							f == null ? null : f.funder, flow.provider(), flow.receiver(), null, null, null, null, null);
				}
				// the plans: rows of their own kind (budget, planned_disbursement), no transaction type, not converted
				for (PlanRow plan : PlanRow.of(p)) {
					FundingView f = plan.fundingId() == null ? null : p.fundings.stream()
							.filter(x -> plan.fundingId().equals(x.fundingId)).findFirst().orElse(null);
					csv.row(p.projectId, plan.fundingId(), null, plan.kind().label(), plan.valueDate(),
							plan.value().amount(), plan.value().currency(), null, null, null,
							f == null ? null : f.source, f == null ? null : f.funder, plan.provider(), plan.receiver(),
							plan.periodStart(), plan.periodEnd(), plan.type(), plan.status(), plan.revision());
				}
			});
		}
	}

	/** Checks the filters as {@code GET /api/projects} does (400 naming each bad one); the region made canonical. */
	static Criteria criteria(Codelists codelists, LocalDate asOf, Instant knownAt, Stage stage, String sector, String region) {
		Violations v = new Violations();
		String sectorCode = codelists.sectorFilter(v, "sector", sector);
		String canonicalRegion = codelists.regionOf(v, "region", region);
		v.throwIfAny();
		return new Criteria(asOf, knownAt, stage, sectorCode, canonicalRegion);
	}

	private static void csvResponse(HttpServletResponse response, String fileName) {
		response.setContentType(CSV);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? null : amount.toPlainString();
	}

	/**
	 * Amounts without a usable rate, in their own currency:
	 * {@code UZS committed=1000000000 disbursed=0 received=0 expended=0; …}.
	 */
	private static String unconverted(List<Unconverted> amounts) {
		List<String> parts = new ArrayList<>();
		for (Unconverted u : amounts) {
			parts.add(u.currency() + " committed=" + plain(u.committed()) + " disbursed=" + plain(u.disbursed())
					+ " received=" + plain(u.received()) + " expended=" + plain(u.expended()));
		}
		return String.join("; ", parts);
	}
}
