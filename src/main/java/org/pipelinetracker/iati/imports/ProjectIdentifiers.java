package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.ReportingOrg;
import org.pipelinetracker.project.api.ProjectId;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which project an activity is, and whether it is our own export. An activity whose {@code reporting-org} is ours
 * ({@link ReportingOrg#publishedBy}) is our own export: its project id is its identifier without
 * {@code "<ref>-"}, and its {@code pt:} attributes are trusted. Any other activity is the project its
 * iati-identifier names, made a valid project id if it is not one (see {@link #projectId(String)}).
 */
@Component
class ProjectIdentifiers {

	private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]+");
	private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final ReportingOrg reportingOrg;

	ProjectIdentifiers(ReportingOrg reportingOrg) {
		this.reportingOrg = reportingOrg;
	}

	/**
	 * The project an activity is, whether it comes from our own export, and the adjustment made to its identifier
	 * ({@code adjusted}: a note of the import, null when the identifier is the project id).
	 */
	record Identity(String projectId, boolean own, String adjusted) {
	}

	/**
	 * The identity of an activity that has an identifier. That it is our own export is noted on the run's report only
	 * (it is no data-quality note of the project); a changed identifier is the identity's {@code adjusted} note.
	 */
	Identity identify(IatiActivity a, ImportRun run) {
		boolean own = a.reportingOrg != null && reportingOrg.publishedBy(a.reportingOrg.ref());
		String ownId = own ? reportingOrg.projectIdOf(a.identifier) : null;
		String projectId = ownId != null && ProjectId.isValid(ownId) ? ownId : projectId(a.identifier);
		String adjusted = null;
		if (ownId != null && projectId.equals(ownId)) {
			run.note(a.identifier, "our own export (reporting-org " + reportingOrg.ref() + "): imported as project " + projectId);
		}
		else if (!projectId.equals(a.identifier)) {
			adjusted = "the identifier is not a valid project id ([A-Za-z0-9._-]{3,64}); imported as " + projectId;
		}
		return new Identity(projectId, own, adjusted);
	}

	/**
	 * The project id: the iati-identifier when it is a valid id; otherwise every run of other characters becomes
	 * '-', and an id still too short or too long becomes "IATI-" + its first characters + a hash of the identifier.
	 */
	static String projectId(String identifier) {
		if (ProjectId.isValid(identifier)) {
			return identifier;
		}
		String cleaned = ID_CHARS.matcher(identifier.trim()).replaceAll("-");
		if (ProjectId.isValid(cleaned) && !cleaned.equals(identifier)) {
			return cleaned;
		}
		String head = cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
		return "IATI-" + head + "-" + hash(identifier, 12);
	}

	/**
	 * Whether our own export's id of a funding ({@code ref}) or agreement ({@code pt:agreement-id}) has the form
	 * the project takes: then it is kept as it is.
	 */
	static boolean isRecordId(String id) {
		return id != null && RECORD_ID.matcher(id).matches();
	}

	/** The first {@code hexChars} of the SHA-256 of {@code value}, upper case: the stable part of a derived id. */
	static String hash(String value, int hexChars) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, hexChars).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
