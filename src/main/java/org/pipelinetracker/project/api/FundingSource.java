package org.pipelinetracker.project.api;

import java.util.Set;

/**
 * Where a commitment comes from, with the IATI finance and flow types it maps to (null where IATI has none).
 */
public enum FundingSource {
	/** Korea Eximbank; finance and flow type depend on the {@link EximbankInstrument}. */
	EXIMBANK(null, null, Set.of()),
	/** KOICA grant: standard grant (110), ODA (10). */
	KOICA_GRANT("110", "10", Set.of("10")),
	/** Private investment: private development finance (30) or private foreign direct investment (36, default). */
	PRIVATE_INVESTMENT(null, "36", Set.of("30", "36")),
	/** Uzbek state budget: domestic resources, outside IATI's flow types. */
	UZBEK_BUDGET(null, null, Set.of()),
	OTHER(null, null, Set.of("10", "21", "22", "30", "36", "37", "40", "50"));

	private final String iatiFinanceType;
	private final String defaultFlowType;
	private final Set<String> allowedFlowTypes;

	FundingSource(String iatiFinanceType, String defaultFlowType, Set<String> allowedFlowTypes) {
		this.iatiFinanceType = iatiFinanceType;
		this.defaultFlowType = defaultFlowType;
		this.allowedFlowTypes = allowedFlowTypes;
	}

	public String iatiFinanceType() {
		return iatiFinanceType;
	}

	public String defaultFlowType() {
		return defaultFlowType;
	}

	public Set<String> allowedFlowTypes() {
		return allowedFlowTypes;
	}
}
