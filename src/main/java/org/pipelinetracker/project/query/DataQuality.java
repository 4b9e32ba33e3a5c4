package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the facts recorded for a project contradict the activity status its publisher reported: the project carries a
 * flag, with the reason, instead of a status the facts would allow. Computed from the project's view after each of
 * its events, so a view as of a date or as known at an instant has the flags of then. A project whose status no
 * publisher reported has none: its stage follows the lifecycle rules.
 */
public final class DataQuality {

	/** The catalogue prefix of each flag's text (and name): {@code ref.dataQuality.<FLAG>}. */
	public static final String TEXTS = "ref.dataQuality.";

	private static final Set<String> UNDER_WAY = Set.of("2", "3", "4");

	/** What a flag says. */
	public enum Flag {
		/** Reported in implementation, finalisation or closed, but no commitment or incoming funds is recorded. */
		STATUS_WITHOUT_FUNDING,
		/** Reported closed, but money committed is still undisbursed. */
		CLOSED_WITH_UNDISBURSED,
		/** Reported in the pipeline, but money was already disbursed or spent. */
		PIPELINE_WITH_SPENDING
	}

	/**
	 * A flag: which, the status reported, the amounts concerned (the undisbursed money of a closed project, per
	 * currency; else empty) and the reason, in English (the pages write it in the reader's language from the flag).
	 */
	public record Entry(Flag flag, String status, List<Money> amounts, String reason) {
	}

	private DataQuality() {
	}

	static List<Entry> of(ProjectView view) {
		List<Entry> flags = new ArrayList<>();
		ReportedStatusView reported = view.reportedStatus;
		if (reported == null) {
			return flags;
		}
		String status = reported.status();
		if (UNDER_WAY.contains(status) && view.fundings.isEmpty() && view.incomingFunds.isEmpty()) {
			flags.add(entry(Flag.STATUS_WITHOUT_FUNDING, status, List.of()));
		}
		if (status.equals("4")) {
			Map<String, BigDecimal> undisbursed = new TreeMap<>();
			for (ProjectView.FundingView f : view.fundings) {
				if (f.undisbursed.isPositive()) {
					undisbursed.merge(f.undisbursed.currency(), f.undisbursed.amount(), BigDecimal::add);
				}
			}
			if (!undisbursed.isEmpty()) {
				List<Money> amounts = new ArrayList<>();
				undisbursed.forEach((currency, amount) -> amounts.add(new Money(amount, currency)));
				flags.add(entry(Flag.CLOSED_WITH_UNDISBURSED, status, amounts));
			}
		}
		if (status.equals("1") && (view.fundings.stream().anyMatch(f -> !f.disbursements.isEmpty())
				|| !view.expenditures.isEmpty())) {
			flags.add(entry(Flag.PIPELINE_WITH_SPENDING, status, List.of()));
		}
		return flags;
	}

	private static Entry entry(Flag flag, String status, List<Money> amounts) {
		Text reason = Text.of(TEXTS + flag.name()).with("status", new Text.Code("ref.activityStatus.", status))
				.with("amounts", new Text.Joined(", ", amounts.stream().map(m -> Text.money(m.amount(), m.currency())).toList()));
		return new Entry(flag, status, List.copyOf(amounts), reason.english());
	}
}
