package org.pipelinetracker.iati.conventions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation that publishes this application's export ({@code reporting-org}, from
 * {@code tracker.iati.reporting-org.*}) and the identifier rule built on it: every iati-identifier is
 * {@code <ref>-<projectId>}. The export writes it; the import recognises its own export by it (same
 * {@code reporting-org ref}) and gets the project id back by stripping {@code "<ref>-"}.
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

	/** The project id of one of our identifiers, or null when {@code identifier} does not start with {@code "<ref>-"}. */
	public String projectIdOf(String identifier) {
		String prefix = ref + "-";
		return identifier != null && identifier.startsWith(prefix) && identifier.length() > prefix.length()
				? identifier.substring(prefix.length()) : null;
	}

	/**
	 * Whether an activity whose {@code reporting-org} has this {@code ref} is our own export: then its {@code pt:}
	 * attributes ({@link Extension}) are trusted on import.
	 */
	public boolean publishedBy(String reportingOrgRef) {
		return ref.equals(reportingOrgRef);
	}
}
