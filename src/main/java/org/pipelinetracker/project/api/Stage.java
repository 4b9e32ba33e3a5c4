package org.pipelinetracker.project.api;

/**
 * Where a project stands, each stage mapped to its IATI 2.03 ActivityStatus code. FINALISATION (3) is the activity
 * complete with its accounts still open, between IMPLEMENTATION and COMPLETED (4, Closed).
 */
public enum Stage {
	PROPOSED("1"), AGREED("1"), FINANCED("1"), IMPLEMENTATION("2"), FINALISATION("3"), COMPLETED("4"), CANCELLED("5"),
	SUSPENDED("6");

	private final String iatiStatus;

	Stage(String iatiStatus) {
		this.iatiStatus = iatiStatus;
	}

	/** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
	public String iatiStatus() {
		return iatiStatus;
	}

	public boolean isTerminal() {
		return this == COMPLETED || this == CANCELLED;
	}

	/** The stage of an IATI ActivityStatus code other than 1 (which stands for three stages), or null. */
	public static Stage ofIatiStatus(String code) {
		for (Stage stage : values()) {
			if (stage.iatiStatus.equals(code) && !"1".equals(code)) {
				return stage;
			}
		}
		return null;
	}
}
