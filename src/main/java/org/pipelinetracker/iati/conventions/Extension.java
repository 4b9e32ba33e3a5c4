package org.pipelinetracker.iati.conventions;

/**
 * This application's IATI extension attributes ({@code pt:*}, allowed on any element by the schema's
 * {@code anyAttribute namespace="##other"}). The export writes what IATI has no place for; the import reads them
 * back only from its own export ({@link ReportingOrg#publishedBy}), so that export → import into an empty
 * instance → export gives the same document.
 */
public final class Extension {

	/** The namespace of the extension attributes. */
	public static final String NAMESPACE = "urn:pipeline-tracker:iati";
	/** The prefix the export declares for {@link #NAMESPACE}. */
	public static final String PREFIX = "pt";

	/** On {@code participating-org}: the partner's ISO 3166-1 country (a country is no organisation identifier). */
	public static final String COUNTRY = "country";
	/** On {@code location}: the project's Uzbek region, as the reference data names it. */
	public static final String REGION = "region";
	/** On a commitment's {@code transaction}: the {@code FundingSource} name. */
	public static final String SOURCE = "source";
	/** On a commitment's {@code transaction}: the {@code EximbankInstrument} name, for Eximbank funding. */
	public static final String INSTRUMENT = "instrument";
	/** On a commitment's negative {@code transaction}: {@link #CANCELLATION} when it is a cancellation, not a correction. */
	public static final String MOVEMENT = "movement";
	/** The {@link #MOVEMENT} of a cancellation. */
	public static final String CANCELLATION = "cancellation";
	/** On {@code document-link}: the id of the agreement the document belongs to. */
	public static final String AGREEMENT_ID = "agreement-id";
	/** On {@code document-link}: the {@code AgreementType} name of that agreement. */
	public static final String AGREEMENT_TYPE = "agreement-type";
	/** On {@code document-link}: the id of the project document it is. */
	public static final String DOCUMENT_ID = "document-id";
	/** On a document's {@code document-link}: the date the agreement whose text it is was signed. */
	public static final String AGREEMENT_SIGNED_ON = "agreement-signed-on";
	/** On a document's {@code document-link}: the parties of that agreement, joined by {@code "; "}. */
	public static final String AGREEMENT_PARTIES = "agreement-parties";

	/**
	 * On {@code budget} and {@code planned-disbursement}: the id of the commitment the plan is of; on
	 * {@code crs-add/loan-terms}: the id of the loan whose terms it gives.
	 */
	public static final String FUNDING_ID = "funding-id";
	/** On {@code budget} and {@code planned-disbursement}: the day the plan was known (its effective date). */
	public static final String RECORDED_ON = "recorded-on";

	/** On a loan commitment's {@code transaction}: its annual interest rate in percent, exactly as recorded. */
	public static final String INTEREST_RATE = "interest-rate";
	/** On a loan commitment's {@code transaction}: its maturity in years. */
	public static final String MATURITY_YEARS = "maturity-years";
	/** On a loan commitment's {@code transaction}: its grace period in years. */
	public static final String GRACE_YEARS = "grace-years";
	/** On a loan commitment's {@code transaction}: the {@code RepaymentConvention} name, when one was chosen. */
	public static final String REPAYMENT_CONVENTION = "repayment-convention";
	/** On a loan commitment's {@code transaction}: the loan's effectiveness date. */
	public static final String EFFECTIVE_ON = "effective-on";
	/** On a loan commitment's {@code transaction}: the loan's closing (final disbursement) date. */
	public static final String CLOSING_ON = "closing-on";

	private Extension() {
	}
}
