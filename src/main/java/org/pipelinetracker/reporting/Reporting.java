package org.pipelinetracker.reporting;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.app.PlanRequests.PlannedDisbursementRequest;
import org.pipelinetracker.project.app.PlanRequests.PlannedMoneyRequest;
import org.pipelinetracker.project.app.PlanWriteService;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests.DisbursementRequest;
import org.pipelinetracker.project.app.Requests.MilestoneRequest;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.reporting.ReportUploads.ReportRow;
import org.pipelinetracker.reporting.UploadResult.Recorded;
import org.pipelinetracker.reporting.UploadResult.RowResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records an uploaded reporting workbook: every row checked first ({@link ReportUploads}); then every write of every
 * row through the project's use cases inside one transaction, with the upload's record (its SHA-256, who, when): a
 * refusal of any write rolls all of them back and names its row. The same file again records nothing.
 */
@Service
class Reporting {

	/** The upload could not be recorded: each row, column and reason; {@code rule}: a rule refused a write (409). */
	static final class UploadRefused extends RuntimeException {
		final transient List<RowError> errors;
		final boolean rule;

		UploadRefused(List<RowError> errors, boolean rule) {
			super(errors.size() + " errors", null, false, false);
			this.errors = List.copyOf(errors);
			this.rule = rule;
		}
	}

	private final ReportScope scope;
	private final ReportPeriods periods;
	private final ProjectWriteService projects;
	private final PlanWriteService plans;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final long maxSize;

	Reporting(ReportScope scope, ReportPeriods periods, ProjectWriteService projects, PlanWriteService plans,
			JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${tracker.reporting.max-size:5MB}") DataSize maxSize) {
		this.scope = scope;
		this.periods = periods;
		this.projects = projects;
		this.plans = plans;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxSize = maxSize.toBytes();
	}

	long maxSize() {
		return maxSize;
	}

	UploadRefused tooLarge() {
		return new UploadRefused(List.of(new RowError(null, null, Text.of("problem.reporting.tooLarge")
				.with("max", DataSize.ofBytes(maxSize).toKilobytes() + " KB"))), false);
	}

	UploadResult upload(byte[] bytes, String fileName, AuditContext audit) {
		List<RowError> errors = new ArrayList<>();
		if (bytes.length > maxSize) {
			throw tooLarge();
		}
		String sha = sha256(bytes);
		Optional<UploadResult> earlier = earlier(sha);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		XSSFWorkbook book = ReportUploads.open(bytes, errors).orElseThrow(() -> new UploadRefused(errors, false));
		try (book) {
			Map<String, String> meta = ReportUploads.meta(book, errors);
			if (!errors.isEmpty()) {
				throw new UploadRefused(errors, false);
			}
			FiscalPeriod period;
			try {
				period = periods.quarter(meta.get("period"), "period");
			}
			catch (InvalidRequestException badLabel) {
				throw new UploadRefused(List.of(new RowError(null, null, Text.of("problem.reporting.notTemplate"))), false);
			}
			ReportUploads.checkColumns(book.getSheetAt(0), errors);
			if (!errors.isEmpty()) {
				throw new UploadRefused(errors, false);
			}
			List<ReportRow> rows = ReportUploads.rows(book.getSheetAt(0), period, scope::project, errors);
			if (!errors.isEmpty()) {
				throw new UploadRefused(errors, false);
			}
			List<FiscalPeriod> next = periods.nextFour(period);
			Instant now = clock.instant();
			List<RowResult> results;
			try {
				results = transaction.execute(status -> {
				jdbc.update("insert into reporting_upload (sha256, period, funder, project_id, file_name, uploaded_by, "
								+ "uploaded_at, rows_recorded) values (?, ?, ?, ?, ?, ?, ?, ?)", sha, ReportPeriods.label(period),
						meta.get("funder"), meta.get("projectId"), fileName == null ? null
								: fileName.substring(0, Math.min(255, fileName.length())), audit.actor(),
						Timestamp.from(now), rows.size());
				List<RowResult> done = new ArrayList<>();
				Map<String, Boolean> funded = new LinkedHashMap<>();
				for (ReportRow row : rows) {
					done.add(record(row, period, next, sha, audit));
					String key = row.project().projectId + "\u0000" + row.funding().fundingId;
					if (funded.putIfAbsent(key, true) == null) {
						jdbc.update("insert into reporting_upload_funding (sha256, project_id, funding_id, funder) values (?, ?, ?, ?)",
								sha, row.project().projectId, row.funding().fundingId,
								Objects.toString(row.funding().funder, ""));
					}
				}
				return done;
			});
			}
			catch (DuplicateKeyException sameFileAtOnce) {
				// the same file uploaded twice at the same moment: the other one recorded it, this one nothing
				return earlier(sha).orElseThrow(() -> sameFileAtOnce);
			}
			return new UploadResult(sha, ReportPeriods.label(period), meta.get("funder"), meta.get("projectId"), false,
					now, audit.actor(), results);
		}
		catch (IOException closing) {
			throw new IllegalStateException(closing);
		}
	}

	/** One row's writes; a refusal names the row and the column of the write refused, and rolls everything back. */
	private RowResult record(ReportRow row, FiscalPeriod period, List<FiscalPeriod> next, String sha, AuditContext audit) {
		String projectId = row.project().projectId;
		FundingView funding = row.funding();
		String currency = funding.amount.currency();
		String reason = "Quarterly report " + period.label() + " (upload " + sha.substring(0, 12) + ")"
				+ (row.comment() == null ? "" : ": " + row.comment());
		List<Recorded> recorded = new ArrayList<>();
		ReportColumn column = ReportColumn.DISBURSEMENT_AMOUNT;
		try {
			if (row.disbursement() != null) {
				boolean known = funding.disbursements.stream().anyMatch(d -> d.disbursedOn().equals(row.disbursedOn())
						&& ReportUploads.sameMoney(d.amount(), row.disbursement()));
				if (!known) {
					projects.recordDisbursement(projectId, new DisbursementRequest(funding.fundingId,
							new MoneyRequest(row.disbursement(), currency), row.disbursedOn(), reason, null), audit);
				}
				recorded.add(new Recorded("disbursement", row.disbursement(), currency, row.disbursedOn(), null, null, known));
			}
			for (int i = 0; i < 4; i++) {
				BigDecimal amount = row.planned().get(i);
				if (amount == null) {
					continue;
				}
				column = ReportColumn.PLANNED.get(i);
				FiscalPeriod quarter = next.get(i);
				boolean known = currentPlan(row.project(), funding.fundingId, quarter.start())
						.map(plan -> plan.compareTo(amount) == 0).orElse(false);
				if (!known) {
					plans.recordPlannedDisbursement(projectId, new PlannedDisbursementRequest(funding.fundingId,
							quarter.start(), quarter.end(), new PlannedMoneyRequest(amount, currency), null, null, null,
							null, null, reason, null), audit);
				}
				recorded.add(new Recorded("plannedDisbursement", amount, currency, quarter.start(),
						ReportPeriods.label(quarter), null, known));
			}
			if (row.milestoneId() != null) {
				column = ReportColumn.MILESTONE_ID;
				boolean known = row.project().milestones.stream().anyMatch(m -> m.milestoneId().equals(row.milestoneId())
						&& (row.milestoneName() == null || row.milestoneName().equals(m.name()))
						&& (row.milestoneOn() == null || row.milestoneOn().equals(m.plannedOn())));
				if (!known) {
					projects.recordMilestone(projectId, new MilestoneRequest(row.milestoneId(), row.milestoneName(),
							row.milestoneOn(), null, null, reason, null), audit);
				}
				recorded.add(new Recorded("milestone", null, null, row.milestoneOn(), null, row.milestoneId(), known));
			}
		}
		catch (CommandRejectedException refused) {
			throw new UploadRefused(List.of(new RowError(row.row(), column.id, refused.text())),
					refused.kind() == CommandRejectedException.Kind.RULE_VIOLATION
							|| refused.kind() == CommandRejectedException.Kind.DUPLICATE);
		}
		catch (InvalidRequestException invalid) {
			ReportColumn at = column;
			throw new UploadRefused(invalid.violations().stream().map(v -> new RowError(row.row(), at.id, v.reason())).toList(),
					false);
		}
		catch (AggregateNotFoundException gone) {
			throw new UploadRefused(List.of(new RowError(row.row(), ReportColumn.PROJECT_ID.id,
					Text.of("problem.reporting.unknownProject").with("projectId", projectId))), false);
		}
		return new RowResult(row.row(), projectId, funding.fundingId, recorded);
	}

	/** The amount of the latest planned disbursement of a funding for the quarter starting on {@code start}. */
	private static Optional<BigDecimal> currentPlan(ProjectView project, String fundingId, LocalDate start) {
		BigDecimal latest = null;
		for (ProjectView.PlannedDisbursementView plan : project.plannedDisbursements) {
			if (fundingId.equals(plan.fundingId()) && start.equals(plan.periodStart()) && plan.value() != null) {
				latest = plan.value().amount();
			}
		}
		return Optional.ofNullable(latest);
	}

	private Optional<UploadResult> earlier(String sha) {
		return jdbc.query("select period, funder, project_id, uploaded_by, uploaded_at from reporting_upload where sha256 = ?",
				(rs, i) -> new UploadResult(sha, rs.getString(1), rs.getString(2), rs.getString(3), true,
						rs.getTimestamp(5).toInstant(), rs.getString(4), List.of()), sha).stream().findFirst();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException never) {
			throw new IllegalStateException(never);
		}
	}

}
