package org.pipelinetracker.facility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.facility.query.FacilityView;
import org.pipelinetracker.facility.query.FacilityViews;
import org.pipelinetracker.facility.query.LenderViews;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.LoanStanding;
import org.pipelinetracker.sheets.Workbook;
import org.pipelinetracker.sheets.Workbook.Amount;
import org.pipelinetracker.sheets.Workbook.Column;
import org.pipelinetracker.sheets.Workbook.Kind;
import org.pipelinetracker.sheets.Workbooks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/export/facilities.xlsx}: the facilities table (limit, committed, remaining) and, on a second sheet, the
 * lender's view of every facility on {@code asOf} (default today), one row per commitment, with the spreadsheet
 * conventions of the other exports (title row with the date, frozen header, numeric amounts with their currency).
 */
@RestController
class FacilitySheetsController {

	private static final List<Column> FACILITIES = List.of(col("ui.sheet.col.facility", Kind.TEXT, 18),
			col("ui.sheet.col.facilityName", Kind.TEXT, 34), col("ui.sheet.col.lender", Kind.TEXT, 28),
			col("ui.sheet.col.currency", Kind.TEXT, 9), col("ui.sheet.col.limit", Kind.MONEY, 20),
			col("ui.sheet.col.committed", Kind.MONEY, 20), col("ui.sheet.col.remaining", Kind.MONEY, 20),
			col("ui.sheet.col.validFrom", Kind.DATE, 12), col("ui.sheet.col.validTo", Kind.DATE, 12),
			col("ui.sheet.col.fundings", Kind.INTEGER, 10));
	private static final List<Column> LOANS = List.of(col("ui.sheet.col.facility", Kind.TEXT, 18),
			col("ui.sheet.col.projectId", Kind.TEXT, 16), col("ui.sheet.col.fundingId", Kind.TEXT, 14),
			col("ui.sheet.col.committedOn", Kind.DATE, 12), col("ui.sheet.col.effectiveOn", Kind.DATE, 12),
			col("ui.sheet.col.closingOn", Kind.DATE, 12), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.committed", Kind.MONEY, 20), col("ui.sheet.col.disbursed", Kind.MONEY, 20),
			col("ui.sheet.col.undisbursed", Kind.MONEY, 20), col("ui.sheet.col.cancelled", Kind.MONEY, 20),
			col("ui.sheet.col.repaid", Kind.MONEY, 20), col("ui.sheet.col.outstanding", Kind.MONEY, 20),
			col("ui.sheet.col.due", Kind.MONEY, 20), col("ui.sheet.col.arrears", Kind.MONEY, 20));

	private final Workbooks workbooks;
	private final FacilityViews facilities;
	private final LenderViews lenders;
	private final Clock clock;

	FacilitySheetsController(Workbooks workbooks, FacilityViews facilities, LenderViews lenders, Clock clock) {
		this.workbooks = workbooks;
		this.facilities = facilities;
		this.lenders = lenders;
		this.clock = clock;
	}

	private static Column col(String key, Kind kind, int width) {
		return new Column(key, kind, width);
	}

	@Operation(summary = "The credit facilities and every loan drawing on them as an XLSX workbook", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/facilities.xlsx")
	void facilities(@RequestParam(required = false) LocalDate asOf, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
		List<FacilityView> all = facilities.list();
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.facilities.name",
					Workbooks.titleWithCut("ui.sheet.facilities.title", null, null), FACILITIES);
			for (FacilityView f : all) {
				String c = f.limit().currency();
				sheet.row(f.facilityId(), f.name(), f.lender(), c, amount(f.limit()), amount(f.committed()),
						amount(f.remaining()), f.validFrom(), f.validTo(), f.projects().size());
			}
			Workbook.Sheet loans = book.sheet("ui.sheet.loans.name",
					Workbooks.titleWithCut("ui.sheet.loans.title", on, null), LOANS);
			for (FacilityView f : all) {
				for (LoanStanding l : lenders.of(f, on).loans()) {
					loans.row(f.facilityId(), l.projectId(), l.fundingId(), l.committedOn(), l.effectiveOn(), l.closingOn(),
							l.committed().currency(),
							amount(l.committed()), amount(l.disbursed()), amount(l.undisbursed()),
							amount(l.cancelled()), amount(l.repaid()), amount(l.outstanding()), amount(l.due()),
							amount(l.arrears()));
				}
			}
			book.send(response, "facilities.xlsx");
		}
	}

	private static Amount amount(Money money) {
		return money == null ? null : new Amount(money.amount(), money.currency());
	}
}
