package org.pipelinetracker.iati.conventions;

/**
 * Where the projects are, in IATI terms. Every project is in Uzbekistan: the export writes recipient-country UZ
 * at 100 % and the region as a {@code location} (its name, and {@link Extension#REGION}). The import takes the
 * region back from its own export; for other publishers an activity whose only recipient country is Uzbekistan is
 * {@value #NATIONWIDE}, and anything else {@value #MULTIPLE_REGIONS} (sub-national locations are not mapped yet).
 */
public final class Geography {

	/** ISO 3166-1 code of the one recipient country. */
	public static final String RECIPIENT_COUNTRY = "UZ";
	/** The recipient country's share the export writes. */
	public static final String RECIPIENT_PERCENTAGE = "100";
	/** The region of an activity in Uzbekistan as a whole. */
	public static final String NATIONWIDE = "Nationwide";
	/** The region of anything else, including activities outside Uzbekistan. */
	public static final String MULTIPLE_REGIONS = "Multiple regions";

	private Geography() {
	}
}
