package org.pipelinetracker.facility.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code facility_view}: a facility, its limit and what is committed against it.
 */
@Entity
@Table(name = "facility_view")
class FacilityRow {

	@Id
	@Column(name = "facility_id", length = 64)
	private String facilityId;

	@Column(nullable = false, length = 300)
	private String name;

	@Column(nullable = false, length = 200)
	private String lender;

	@Column(nullable = false, length = 3)
	private String currency;

	@Column(name = "limit_amount", nullable = false, precision = 38, scale = 4)
	private BigDecimal limitAmount;

	@Column(nullable = false, precision = 38, scale = 4)
	private BigDecimal committed;

	@Column(name = "valid_from", nullable = false)
	private LocalDate validFrom;

	@Column(name = "valid_to", nullable = false)
	private LocalDate validTo;

	@Column(nullable = false)
	private long version;

	protected FacilityRow() {
	}

	FacilityRow(String facilityId, String name, String lender, String currency, BigDecimal limitAmount,
			LocalDate validFrom, LocalDate validTo, long version) {
		this.facilityId = facilityId;
		this.name = name;
		this.lender = lender;
		this.currency = currency;
		this.limitAmount = limitAmount;
		this.committed = BigDecimal.ZERO;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.version = version;
	}

	void add(BigDecimal amount, long sequence) {
		committed = committed.add(amount);
		version = sequence;
	}

	String facilityId() {
		return facilityId;
	}

	String name() {
		return name;
	}

	String lender() {
		return lender;
	}

	String currency() {
		return currency;
	}

	BigDecimal limitAmount() {
		return limitAmount;
	}

	BigDecimal committed() {
		return committed;
	}

	LocalDate validFrom() {
		return validFrom;
	}

	LocalDate validTo() {
		return validTo;
	}

	long version() {
		return version;
	}
}
