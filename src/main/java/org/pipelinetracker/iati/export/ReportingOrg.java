package org.pipelinetracker.iati.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation that publishes the export ({@code reporting-org}), and the prefix of every iati-identifier:
 * {@code <ref>-<projectId>}. An importer gets the project id back by stripping {@code "<ref>-"}.
 */
@Component
public class ReportingOrg {

	private final String ref;
	private final String name;
	private final String type;

	ReportingOrg(@Value("${tracker.iati.reporting-org.ref:XM-PIPELINE-TRACKER}") String ref,
			@Value("${tracker.iati.reporting-org.name:pipeline-tracker}") String name,
			@Value("${tracker.iati.reporting-org.type:90}") String type) {
		if (ref.isBlank() || name.isBlank() || type.isBlank()) {
			throw new IllegalStateException("tracker.iati.reporting-org.ref, .name and .type must not be blank");
		}
		this.ref = ref.trim();
		this.name = name.trim();
		this.type = type.trim();
	}

	/** The organisation identifier, e.g. {@code XM-PIPELINE-TRACKER}. */
	public String ref() {
		return ref;
	}

	public String name() {
		return name;
	}

	/** IATI OrganisationType code (90 = Other by default). */
	public String type() {
		return type;
	}

	/** The iati-identifier of a project: {@code <ref>-<projectId>}. */
	public String identifierOf(String projectId) {
		return ref + "-" + projectId;
	}
}
