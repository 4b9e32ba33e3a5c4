package org.pipelinetracker.project.app;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides whether a money entry needs a second person's approval (four-eyes), for every write
 * path: the HTTP API, the IATI import, reporting uploads and demo data all go through {@link ProjectWriteService}.
 * A deployment lists the kinds that need it ({@code tracker.approvals.required-for}: any of {@code COMMITMENT},
 * {@code CORRECTION}, {@code DISBURSEMENT}; none by default) and the USD amount at or below which an entry needs
 * none ({@code tracker.approvals.threshold-usd}, default 0). The USD value is the entry's amount (a correction's new
 * amount) at the rate of its effective date; an amount without a usable rate counts as above the threshold, never
 * as zero.
 * <p>
 * When an entry needs approval the write path gives the command a new entry id in its metadata
 * ({@link org.pipelinetracker.project.api.MoneyEntrySubmittedEvent#APPROVAL_ENTRY}); the project checks every rule
 * and records the submission instead of the money.
 */
@Component
public class ApprovalPolicy {

	private final Set<MoneyEntryKind> requiredFor;
	private final BigDecimal thresholdUsd;
	private final FxRates fx;

	ApprovalPolicy(@Value("${tracker.approvals.required-for:}") List<String> requiredFor,
			@Value("${tracker.approvals.threshold-usd:0}") BigDecimal thresholdUsd, FxRates fx) {
		this.requiredFor = kinds(requiredFor);
		if (thresholdUsd.signum() < 0) {
			throw new IllegalStateException("tracker.approvals.threshold-usd must not be negative: " + thresholdUsd);
		}
		this.thresholdUsd = thresholdUsd;
		this.fx = fx;
	}

	/** A new entry id when an entry of this kind, amount and date needs approval; empty when it is recorded directly. */
	public Optional<String> entryFor(MoneyEntryKind kind, Money amount, LocalDate on) {
		if (!requiredFor.contains(kind) || amount == null) {
			return Optional.empty();
		}
		if (thresholdUsd.signum() > 0 && on != null) {
			Conversion usd = fx.current().toUsd(amount.amount().abs(), amount.currency(), on);
			if (usd.converted() && usd.usd().compareTo(thresholdUsd) <= 0) {
				return Optional.empty();
			}
		}
		return Optional.of(UUID.randomUUID().toString());
	}

	/** Whether any kind needs approval in this deployment. */
	public boolean enabled() {
		return !requiredFor.isEmpty();
	}

	Set<MoneyEntryKind> requiredFor() {
		return requiredFor;
	}

	BigDecimal thresholdUsd() {
		return thresholdUsd;
	}

	private static Set<MoneyEntryKind> kinds(List<String> names) {
		Set<MoneyEntryKind> kinds = EnumSet.noneOf(MoneyEntryKind.class);
		for (String name : names == null ? List.<String>of() : names) {
			if (name == null || name.isBlank()) {
				continue;
			}
			try {
				kinds.add(MoneyEntryKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException("tracker.approvals.required-for: unknown kind '" + name.strip()
						+ "' (kinds: COMMITMENT, CORRECTION, DISBURSEMENT)");
			}
		}
		return kinds;
	}
}
