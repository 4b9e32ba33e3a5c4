package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.app.PlanRequests;
import org.pipelinetracker.project.app.PlanWriteService;
import org.pipelinetracker.project.query.ProjectPlanLines;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The activity's {@code budget}s and {@code planned-disbursement}s, recorded as the project's budgets and planned
 * disbursements, as published: type, status, period, value in its currency (else the activity's default), value-date,
 * provider and receiver. A budget without a type is recorded as original (1), with a note; one without a status as
 * indicative (1), IATI's default. Our own export's {@code pt:funding-id} ties a plan to its commitment and
 * {@code pt:recorded-on} dates it; otherwise a plan is known on the activity's last-updated date (the import day when
 * there is none), never before the proposal. A plan the project refuses (outside its planned dates, a period of a
 * budget longer than twelve months, a code that is not IATI's) or unsound in form is reported as not recorded, with
 * the reason. A plan is of a funding and a period (a planned disbursement also of its provider and receiver); a re-import adds
 * nothing: a plan whose current revision is the file's last one for it is left as it is,
 * and of the others only those not yet recorded are.
 */
@Component
class PlanMapper {

	private final PlanWriteService plans;
	private final Clock clock;

	PlanMapper(PlanWriteService plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	void record(ActivityImport act) {
		IatiActivity a = act.activity;
		Map<String, List<Plan>> byPeriod = new LinkedHashMap<>();
		for (IatiActivity.Plan p : a.plans) {
			Plan plan = plan(act, p);
			if (plan != null) {
				byPeriod.computeIfAbsent(plan.period(), k -> new ArrayList<>()).add(plan);
			}
		}
		ProjectView view = act.view();
		Map<String, String> current = new HashMap<>();
		Map<String, Integer> recorded = new HashMap<>();
		ProjectPlanLines.budgets(view, true).forEach(b -> {
			String period = period(true, b.fundingId(), b.periodStart(), b.periodEnd());
			String fact = fact(b.value().amount(), b.value().currency(), b.type(), b.status(), null, null);
			recorded.merge(period + "#" + fact, 1, Integer::sum);
			if (b.current()) {
				current.put(period, fact);
			}
		});
		ProjectPlanLines.plannedDisbursements(view, true).forEach(p -> {
			String period = period(false, p.fundingId(), p.periodStart(), p.periodEnd()) + "|" + p.provider() + "|"
					+ p.receiver();
			String fact = fact(p.value().amount(), p.value().currency(), p.type(), null, p.provider(), p.receiver());
			recorded.merge(period + "#" + fact, 1, Integer::sum);
			if (p.current()) {
				current.put(period, fact);
			}
		});
		for (Map.Entry<String, List<Plan>> group : byPeriod.entrySet()) {
			List<Plan> published = group.getValue();
			Plan last = published.get(published.size() - 1);
			if (last.fact().equals(current.get(group.getKey()))) {
				continue; // as recorded already
			}
			for (Plan plan : published) {
				String key = group.getKey() + "#" + plan.fact();
				if (plan != last && recorded.getOrDefault(key, 0) > 0) {
					recorded.merge(key, -1, Integer::sum);
					continue;
				}
				write(act, plan);
			}
		}
	}

	/** A published plan, ready to record: null (reported) when it is unsound in form. */
	private Plan plan(ActivityImport act, IatiActivity.Plan p) {
		IatiActivity a = act.activity;
		String what = a.identifier + " " + p.kind() + " " + p.index();
		BigDecimal amount = parse(p.value());
		String currency = p.currency() != null ? p.currency() : a.defaultCurrency;
		String problem = p.periodStart() == null ? "no period-start"
				: p.budget() && p.periodEnd() == null ? "no period-end"
				: p.value() == null ? "no value" : amount == null ? "value '" + p.value() + "' is not a number"
				: amount.signum() < 0 ? "negative value " + p.value()
				: currency == null ? "no currency (neither on the value nor as the activity's default-currency)" : null;
		if (problem != null) {
			act.skip(what, problem);
			return null;
		}
		String type = p.type();
		if (p.budget() && type == null) {
			type = "1";
			act.note(what, "no budget type; recorded as original (1)");
		}
		String status = p.budget() && p.status() == null ? "1" : p.budget() ? p.status() : null;
		String fundingId = act.own && p.fundingId() != null && act.view().fundings.stream()
				.anyMatch(f -> f.fundingId.equals(p.fundingId())) ? p.fundingId() : null;
		return new Plan(p, what, fundingId, amount, currency, type, status, OrganisationMapper.orgName(a, p.provider()),
				OrganisationMapper.orgName(a, p.receiver()), recordedOn(act, p));
	}

	private LocalDate recordedOn(ActivityImport act, IatiActivity.Plan p) {
		LocalDate today = LocalDate.now(clock);
		LocalDate on = act.own && p.recordedOn() != null ? p.recordedOn()
				: act.lastUpdated != null ? act.lastUpdated : today;
		LocalDate proposedOn = act.view().proposedOn;
		if (proposedOn != null && on.isBefore(proposedOn)) {
			on = proposedOn;
		}
		return on.isAfter(today) ? today : on;
	}

	private void write(ActivityImport act, Plan plan) {
		IatiActivity.Plan p = plan.published();
		PlanRequests.PlannedMoneyRequest value = new PlanRequests.PlannedMoneyRequest(plan.amount(), plan.currency());
		String reason = act.with(plan.what() + " (" + p.periodStart() + " to "
				+ Objects.toString(p.periodEnd(), p.periodStart().toString()) + ")");
		if (p.budget()) {
			act.write(plan.what(), () -> plans.recordBudget(act.projectId, new PlanRequests.BudgetRequest(plan.fundingId(),
					p.periodStart(), p.periodEnd(), value, plan.type(), plan.status(), p.valueDate(), plan.recordedOn(),
					reason, null), act.run.actor));
		}
		else {
			act.write(plan.what(), () -> plans.recordPlannedDisbursement(act.projectId,
					new PlanRequests.PlannedDisbursementRequest(plan.fundingId(), p.periodStart(), p.periodEnd(), value,
							plan.type(), p.valueDate(), plan.provider(), plan.receiver(), plan.recordedOn(), reason, null),
					act.run.actor));
		}
	}

	private record Plan(IatiActivity.Plan published, String what, String fundingId, BigDecimal amount, String currency,
			String type, String status, String provider, String receiver, LocalDate recordedOn) {

		String period() {
			String period = PlanMapper.period(published.budget(), fundingId, published.periodStart(),
					published.periodEnd());
			return published.budget() ? period : period + "|" + provider + "|" + receiver;
		}

		String fact() {
			return PlanMapper.fact(amount, currency, type, status, provider, receiver);
		}
	}

	private static String period(boolean budget, String fundingId, LocalDate start, LocalDate end) {
		return (budget ? "B|" : "P|") + Objects.toString(fundingId, "") + "|" + start + "|" + end;
	}

	private static String fact(BigDecimal amount, String currency, String type, String status, String provider,
			String receiver) {
		return amount.stripTrailingZeros().toPlainString() + "|" + currency + "|" + type + "|" + status + "|" + provider
				+ "|" + receiver;
	}

	private static BigDecimal parse(String value) {
		try {
			return value == null ? null : new BigDecimal(value.replace(",", ""));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
