package org.pipelinetracker.iati.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation that publishes the export ({@code reporting-org}), and the prefix of every iati-identifier:
 * {@code <ref>-<projectId>}. An importer gets the project id back by stripping {@code "<ref>-"}.
 */
@Component
public class ReportingOrg {

	/**
	 * Namespace of this application's extension attributes in the export (allowed by the schema's
	 * {@code anyAttribute namespace="##other"}), read back by the importer when it recognises its own export.
	 */
	public static final String EXTENSION_NS = "urn:pipeline-tracker:iati";

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

	/** The project id of one of our identifiers, or null when {@code identifier} does not start with {@code "<ref>-"}. */
	public String projectIdOf(String identifier) {
		String prefix = ref + "-";
		return identifier != null && identifier.startsWith(prefix) && identifier.length() > prefix.length()
				? identifier.substring(prefix.length()) : null;
	}
}
