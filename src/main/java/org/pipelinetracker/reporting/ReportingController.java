package org.pipelinetracker.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problem;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.reporting.ReportScope.Funded;
import org.pipelinetracker.reporting.Reporting.UploadRefused;
import org.pipelinetracker.sheets.Workbooks;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly reporting round trip: {@code GET /api/reporting/template.xlsx} (a funder's or a project's fundings
 * for a quarter, to fill in), {@code POST /api/reporting/uploads} (the filled workbook back: all rows recorded or
 * none) and {@code GET /api/reporting/status} (who reported a quarter, on time, late or not at all).
 */
@RestController
class ReportingController {

	private final ReportScope scope;
	private final ReportPeriods periods;
	private final ReportTemplate template;
	private final Reporting reporting;
	private final ReportingStatus status;
	private final Translations translations;

	ReportingController(ReportScope scope, ReportPeriods periods, ReportTemplate template, Reporting reporting,
			ReportingStatus status, Translations translations) {
		this.scope = scope;
		this.periods = periods;
		this.template = template;
		this.reporting = reporting;
		this.status = status;
		this.translations = translations;
	}

	@Operation(summary = "A quarterly reporting workbook to fill in: the fundings of a funder (funder) or of one "
			+ "project (projectId) for a fiscal quarter (period, such as 2026-Q1)", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is missing or not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/reporting/template.xlsx")
	void template(@RequestParam(required = false) String funder, @RequestParam(required = false) String projectId,
			@RequestParam(required = false) String period, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String f = funder == null || funder.isBlank() ? null : funder.trim();
		String p = projectId == null || projectId.isBlank() ? null : projectId.trim();
		if (f == null && p == null || f != null && p != null) {
			throw InvalidRequestException.of("funder", Text.of("problem.reporting.funderOrProject"));
		}
		FiscalPeriod quarter = periods.quarter(period, "period");
		List<Funded> rows;
		if (f != null) {
			rows = scope.ofFunder(f);
			if (rows.isEmpty()) {
				throw InvalidRequestException.of("funder", Text.of("problem.reporting.noFundings").with("funder", f));
			}
		}
		else {
			rows = scope.ofProject(p).orElseThrow(() -> InvalidRequestException.of("projectId",
					Text.of("problem.reporting.unknownProject").with("projectId", p)));
		}
		String language = Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
		response.setContentType(Workbooks.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"report-"
				+ ReportPeriods.label(quarter) + ".xlsx\"");
		template.write(response.getOutputStream(), rows, quarter, periods.nextFour(quarter), f, p, language);
	}

	@PostMapping(path = "/api/reporting/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Upload a filled reporting workbook (multipart: the file in file, up to "
			+ "tracker.reporting.max-size, default 5 MB): every row checked, then all recorded in one transaction or "
			+ "none; the same file again records nothing (alreadyUploaded). With marked=true a refusal is answered "
			+ "with the workbook itself, its faulty cells filled red with the reason as a comment (X-Errors: how many)",
			responses = {
			@ApiResponse(responseCode = "200", description = "what each row recorded", useReturnTypeSchema = true),
			@ApiResponse(responseCode = "400", description = "the file or a row is not valid: errors [{row, column, reason}]; nothing recorded", content = {
					@Content(mediaType = "application/problem+json"),
					@Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))}),
			@ApiResponse(responseCode = "409", description = "a rule refused a row's write (a closed period, ...): errors [{row, column, reason}]; nothing recorded", content = {
					@Content(mediaType = "application/problem+json"),
					@Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))})})
	UploadResult upload(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean marked,
			Principal principal, HttpServletRequest request) throws IOException {
		if (file.getSize() > reporting.maxSize()) {
			throw reporting.tooLarge(); // not read into memory at all
		}
		byte[] bytes = file.getBytes();
		try {
			return reporting.upload(bytes, file.getOriginalFilename(), AuditContext.of(principal));
		}
		catch (UploadRefused refused) {
			if (marked) {
				String language = Translations.languageOf(request);
				ReportMarks.mark(bytes, refused.errors, e -> translations.render(e.reason(), language))
						.ifPresent(workbook -> {
							throw new MarkedRefusal(workbook, refused);
						});
			}
			throw refused;
		}
	}

	/** A refused upload answered with the workbook, its faulty cells marked. */
	static final class MarkedRefusal extends RuntimeException {
		final transient byte[] workbook;
		final transient UploadRefused refused;

		MarkedRefusal(byte[] workbook, UploadRefused refused) {
			super(refused.getMessage(), null, false, false);
			this.workbook = workbook;
			this.refused = refused;
		}
	}

	@ExceptionHandler(MarkedRefusal.class)
	ResponseEntity<byte[]> marked(MarkedRefusal marked) {
		return ResponseEntity.status(marked.refused.rule ? 409 : 400)
				.contentType(MediaType.parseMediaType(Workbooks.XLSX))
				.header("Content-Disposition", "attachment; filename=\"report-errors.xlsx\"")
				.header("X-Errors", String.valueOf(marked.refused.errors.size()))
				.body(marked.workbook);
	}

	@Operation(summary = "Who reported a fiscal quarter (period, such as 2026-Q1): per funder and per project, on "
			+ "time, late, missing (past the due date, tracker.reporting.due-days after the quarter) or pending, with "
			+ "when and by whom", responses = {
			@ApiResponse(responseCode = "200", description = "the status", useReturnTypeSchema = true),
			@ApiResponse(responseCode = "400", description = "period is missing or not a quarter", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping(path = "/api/reporting/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ReportingStatus.Status status(@RequestParam(required = false) String period) {
		return status.of(periods.quarter(period, "period"));
	}

	@ExceptionHandler(UploadRefused.class)
	ResponseEntity<ProblemDetail> refused(UploadRefused refused, HttpServletRequest request) {
		String language = Translations.languageOf(request);
		List<Map<String, Object>> errors = refused.errors.stream().map(e -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", e.row());
			m.put("column", e.column());
			m.put("reason", translations.render(e.reason(), language));
			return m;
		}).toList();
		List<Text> parts = refused.errors.stream().map(e -> e.row() == null ? e.reason()
				: Text.of("problem.reporting.rowReason").with("row", e.row())
						.with("column", e.column() == null ? "" : e.column()).with("reason", e.reason())).toList();
		Problem problem = refused.rule ? Problems.of(Kind.RULE_VIOLATED, new Text.Joined("; ", parts))
				: Problems.of(Kind.INVALID_FIELDS, refused.errors.size(), new Text.Joined("; ", parts));
		return problem.with("errors", errors).response();
	}
}
