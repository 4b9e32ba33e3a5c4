package org.pipelinetracker.project.api;

/**
 * A partner's role, as the IATI 2.03 OrganisationRole codelist names it.
 */
public enum PartnerRole {
	FUNDING("1"), ACCOUNTABLE("2"), EXTENDING("3"), IMPLEMENTING("4");

	private final String iatiCode;

	PartnerRole(String iatiCode) {
		this.iatiCode = iatiCode;
	}

	public String iatiCode() {
		return iatiCode;
	}
}
