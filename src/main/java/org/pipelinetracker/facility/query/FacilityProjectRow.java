package org.pipelinetracker.facility.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code facility_project}: what one commitment of a project holds of a facility.
 */
@Entity
@Table(name = "facility_project")
@IdClass(FacilityProjectRow.Key.class)
class FacilityProjectRow {

	@Id
	@Column(name = "facility_id", length = 64)
	private String facilityId;

	@Id
	@Column(name = "project_id", length = 64)
	private String projectId;

	@Id
	@Column(name = "funding_id", length = 64)
	private String fundingId;

	@Column(nullable = false, precision = 38, scale = 4)
	private BigDecimal amount;

	@Column(name = "committed_on", nullable = false)
	private LocalDate committedOn;

	protected FacilityProjectRow() {
	}

	FacilityProjectRow(String facilityId, String projectId, String fundingId, LocalDate committedOn) {
		this.facilityId = facilityId;
		this.projectId = projectId;
		this.fundingId = fundingId;
		this.amount = BigDecimal.ZERO;
		this.committedOn = committedOn;
	}

	/** Adds (or, negative, subtracts) an amount; a later reservation does not move the commitment date. */
	void add(BigDecimal delta) {
		amount = amount.add(delta);
	}

	String facilityId() {
		return facilityId;
	}

	String projectId() {
		return projectId;
	}

	String fundingId() {
		return fundingId;
	}

	BigDecimal amount() {
		return amount;
	}

	LocalDate committedOn() {
		return committedOn;
	}

	/** The primary key (facility, project, funding). */
	static final class Key implements Serializable {

		private String facilityId;
		private String projectId;
		private String fundingId;

		Key() {
		}

		Key(String facilityId, String projectId, String fundingId) {
			this.facilityId = facilityId;
			this.projectId = projectId;
			this.fundingId = fundingId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key k && Objects.equals(facilityId, k.facilityId)
					&& Objects.equals(projectId, k.projectId) && Objects.equals(fundingId, k.fundingId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(facilityId, projectId, fundingId);
		}
	}
}
