package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A commitment as the aggregate needs it: the amount in force from each date (the commitment, then each
 * correction), the dated disbursements and the dated incoming funds received under it, so that on no date is more
 * disbursed or received than was committed then.
 * <p>
 * Part of the {@link Project} snapshot: its fields are its JSON (see {@link ProjectCommandConfiguration}).
 */
final class Funding {

	private String currency;
	private LocalDate committedOn;
	private TreeMap<LocalDate, BigDecimal> schedule = new TreeMap<>();
	private TreeMap<LocalDate, BigDecimal> disbursedPerDay = new TreeMap<>();
	/** Incoming funds recorded under this commitment, per day. */
	private TreeMap<LocalDate, BigDecimal> receivedPerDay = new TreeMap<>();
	/** Principal repaid (IATI type 6) under this commitment, per day (empty in a snapshot taken before repayments). */
	private TreeMap<LocalDate, BigDecimal> repaidPerDay = new TreeMap<>();
	/** The loan's effectiveness date, if known (null in a snapshot taken before loan dates were kept). */
	private LocalDate effectiveOn;
	/** The loan's closing (final disbursement) date, if known. */
	private LocalDate closingOn;

	Funding() {
		// for snapshots
	}

	static Funding committed(Money amount, LocalDate on) {
		Funding funding = new Funding();
		funding.currency = amount.currency();
		funding.committedOn = on;
		funding.schedule.put(on, amount.amount());
		return funding;
	}

	void dated(LocalDate effectiveOn, LocalDate closingOn) {
		this.effectiveOn = effectiveOn;
		this.closingOn = closingOn;
	}

	LocalDate effectiveOn() {
		return effectiveOn;
	}

	LocalDate closingOn() {
		return closingOn;
	}

	/** The date of the last disbursement under this commitment, if any. */
	Optional<LocalDate> lastDisbursedOn() {
		return disbursedPerDay.isEmpty() ? Optional.empty() : Optional.of(disbursedPerDay.lastKey());
	}

	void correct(Money amount, LocalDate on) {
		schedule.put(on, amount.amount());
	}

	void disburse(Money amount, LocalDate on) {
		disbursedPerDay.merge(on, amount.amount(), BigDecimal::add);
	}

	void receive(Money amount, LocalDate on) {
		receivedPerDay.merge(on, amount.amount(), BigDecimal::add);
	}

	void repay(Money amount, LocalDate on) {
		if (repaidPerDay == null) {
			repaidPerDay = new TreeMap<>();
		}
		repaidPerDay.merge(on, amount.amount(), BigDecimal::add);
	}

	/** What was disbursed on or before {@code date}. */
	Money disbursedBy(LocalDate date) {
		return scaled(disbursedPerDay.headMap(date, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** All principal repaid, whatever its date. */
	Money repaid() {
		return scaled(repaidPerDay == null ? BigDecimal.ZERO
				: repaidPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** A sum in this commitment's currency, with at least the commitment's decimals (a sum of nothing reads 0.00). */
	private Money scaled(BigDecimal sum) {
		return new Money(sum.setScale(Math.max(sum.scale(), schedule.firstEntry().getValue().scale())), currency);
	}

	LocalDate committedOn() {
		return committedOn;
	}

	/** The date of the commitment or of its latest correction. */
	LocalDate latestChange() {
		return schedule.lastKey();
	}

	Money committed() {
		return new Money(schedule.lastEntry().getValue(), currency);
	}

	Money committedAt(LocalDate date) {
		return new Money(schedule.floorEntry(date).getValue(), currency);
	}

	/** Whether a disbursement under this commitment was recorded on this ISO date (false for anything else). */
	boolean disbursedOn(String isoDate) {
		try {
			return disbursedPerDay.containsKey(LocalDate.parse(isoDate));
		}
		catch (java.time.DateTimeException e) {
			return false;
		}
	}

	/** The date of the first disbursement under this commitment, if any. */
	Optional<LocalDate> firstDisbursedOn() {
		return disbursedPerDay.isEmpty() ? Optional.empty() : Optional.of(disbursedPerDay.firstKey());
	}

	Money disbursed() {
		return new Money(disbursedPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
	}

	Money received() {
		return new Money(receivedPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
	}

	/** The most that can still be disbursed on {@code date} without exceeding the commitment on any later date. */
	Money disbursementHeadroomFrom(LocalDate date) {
		return headroomFrom(date, disbursedPerDay);
	}

	/** The most that can still be received on {@code date} without exceeding the commitment on any later date. */
	Money receiptHeadroomFrom(LocalDate date) {
		return headroomFrom(date, receivedPerDay);
	}

	/** The most that can be added to {@code perDay} on {@code date} with its running total never above the commitment. */
	private Money headroomFrom(LocalDate date, TreeMap<LocalDate, BigDecimal> perDay) {
		TreeSet<LocalDate> dates = new TreeSet<>(schedule.keySet());
		dates.addAll(perDay.keySet());
		dates.add(date);
		BigDecimal cumulative = BigDecimal.ZERO;
		BigDecimal headroom = null;
		for (LocalDate day : dates) {
			cumulative = cumulative.add(perDay.getOrDefault(day, BigDecimal.ZERO));
			if (!day.isBefore(date)) {
				BigDecimal room = schedule.floorEntry(day).getValue().subtract(cumulative);
				headroom = headroom == null || room.compareTo(headroom) < 0 ? room : headroom;
			}
		}
		return new Money(headroom.max(BigDecimal.ZERO), currency);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Funding f && Objects.equals(currency, f.currency)
				&& Objects.equals(committedOn, f.committedOn) && schedule.equals(f.schedule)
				&& disbursedPerDay.equals(f.disbursedPerDay) && receivedPerDay.equals(f.receivedPerDay)
				&& Objects.equals(repaidPerDay, f.repaidPerDay) && Objects.equals(effectiveOn, f.effectiveOn)
				&& Objects.equals(closingOn, f.closingOn);
	}

	@Override
	public int hashCode() {
		return Objects.hash(currency, committedOn, schedule, disbursedPerDay, receivedPerDay, repaidPerDay, effectiveOn,
				closingOn);
	}
}
