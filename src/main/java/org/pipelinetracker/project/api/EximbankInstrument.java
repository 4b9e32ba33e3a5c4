package org.pipelinetracker.project.api;

/**
 * Korea Eximbank instruments: EDCF concessional loans (ODA) and officially supported export credits.
 */
public enum EximbankInstrument {
	EDCF_LOAN("421", "10"), EXPORT_CREDIT("421", "22");

	private final String iatiFinanceType;
	private final String iatiFlowType;

	EximbankInstrument(String iatiFinanceType, String iatiFlowType) {
		this.iatiFinanceType = iatiFinanceType;
		this.iatiFlowType = iatiFlowType;
	}

	public String iatiFinanceType() {
		return iatiFinanceType;
	}

	public String iatiFlowType() {
		return iatiFlowType;
	}
}
