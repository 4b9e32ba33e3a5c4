package org.pipelinetracker.iati.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code iati-activity} as read from the file: only what the import uses, every value as published (trimmed),
 * nothing validated yet. Mutable while the reader fills it; one instance per activity.
 */
final class IatiActivity {

	String identifier;
	/** {@code last-updated-datetime} as published (may be null). */
	String lastUpdated;
	String defaultCurrency;
	String defaultFinanceType;
	String defaultFlowType;
	String status;
	/** {@code pt:region} of a location (our own export). */
	String region;
	/** The title as the import always took it: its first narrative without a language or in English, else its first. */
	String title;
	/** The general description (the first of type 1 or without a type), taken as the title is. */
	String description;
	/**
	 * {@code xml:lang} of the activity, else of the file's root element: the language of a narrative that has none of
	 * its own or on its element (IATI 2.03: "if not present, the default language is assumed"); may be null.
	 */
	String defaultLanguage;
	/** Every narrative of the title, in document order, each with its language. */
	final List<Narrative> titles = new ArrayList<>();
	/** Every narrative of the general description, in document order, each with its language. */
	final List<Narrative> descriptions = new ArrayList<>();
	/** activity-date type → date (the first of each type). */
	final Map<String, LocalDate> dates = new LinkedHashMap<>();
	final List<Sector> sectors = new ArrayList<>();
	final List<Country> countries = new ArrayList<>();
	final List<Org> participatingOrgs = new ArrayList<>();
	Org reportingOrg;
	final List<DocumentLink> documentLinks = new ArrayList<>();
	final List<Transaction> transactions = new ArrayList<>();
	/** Every {@code budget} and {@code planned-disbursement}, in document order. */
	final List<Plan> plans = new ArrayList<>();
	/** {@code crs-add/loan-terms} as published, or null. */
	LoanTermsPublished loanTerms;
	/** Values that could not be read (bad dates and the like), reported but not fatal. */
	final List<String> problems = new ArrayList<>();

	/**
	 * One narrative: its text and language as published ({@code xml:lang} of the narrative, else of its element, else
	 * the activity's default; null when none is declared anywhere). {@code own}: the narrative itself had
	 * {@code xml:lang}.
	 */
	record Narrative(String language, boolean own, String text) {
	}

	record Sector(String vocabulary, String code, String percentage) {
	}

	record Country(String code, String percentage) {
	}

	/**
	 * An organisation: its {@code ref}, {@code role} and {@code type} codes, its best name ({@code name}: as a title's,
	 * see {@link IatiReader}), every name narrative with its language ({@code names}), its own activity identifier and
	 * CRS channel code. {@code country}: {@code pt:country} (our own export), else null.
	 */
	record Org(String ref, String role, String name, String country, String type, List<Narrative> names,
			String activityId, String crsChannelCode) {

		Org(String ref, String role, String name, String country) {
			this(ref, role, name, country, null, List.of(), null, null);
		}

		String label() {
			return name != null ? name : ref;
		}
	}

	/**
	 * A {@code document-link} of the activity (not those of its results): its 1-based position, url, format, every
	 * narrative of its title and description with its language, its category codes (upper case), its language codes
	 * and its date; {@code title} and {@code description} are the best narratives. Our own export adds
	 * {@code pt:document-id} ({@code documentId}) and, for the agreement the document is the text of,
	 * {@code pt:agreement-id}, {@code pt:agreement-type}, {@code pt:agreement-signed-on} and {@code pt:agreement-parties}.
	 */
	record DocumentLink(int index, String url, List<String> categories, LocalDate date, String title,
			String description, String agreementId, String agreementType, String format, List<Narrative> titles,
			List<Narrative> descriptions, List<String> languages, String documentId, LocalDate agreementSignedOn,
			String agreementParties) {
	}

	/**
	 * A {@code budget} ({@code budget} true) or {@code planned-disbursement}, as published: its 1-based position among
	 * its kind, {@code type} and {@code status} codes, period, value with its currency and value-date, provider and
	 * receiver (planned disbursements); {@code fundingId} and {@code recordedOn} are {@code pt:funding-id} and
	 * {@code pt:recorded-on} of our own export.
	 */
	record Plan(boolean budget, int index, String type, String status, LocalDate periodStart, LocalDate periodEnd,
			String currency, LocalDate valueDate, String value, Org provider, Org receiver, String fundingId,
			LocalDate recordedOn) {

		String kind() {
			return budget ? "budget" : "planned-disbursement";
		}
	}

	/**
	 * {@code crs-add/loan-terms}: {@code rate-1}, {@code rate-2}, the {@code repayment-type} and {@code repayment-plan} codes and the
	 * commitment, first and final repayment dates, as published; {@code fundingId} is {@code pt:funding-id} (our own
	 * export: the loan the terms are of).
	 */
	record LoanTermsPublished(String rate, String secondRate, String repaymentType, String repaymentPlan, LocalDate commitmentDate,
			LocalDate firstRepayment, LocalDate finalRepayment, String fundingId) {

		/** Every value published, for a report of what was not recorded. */
		String describe() {
			StringBuilder text = new StringBuilder();
			append(text, "rate-1", rate);
			append(text, "rate-2", secondRate);
			append(text, "repayment-type", repaymentType);
			append(text, "repayment-plan", repaymentPlan);
			append(text, "commitment-date", commitmentDate);
			append(text, "repayment-first-date", firstRepayment);
			append(text, "repayment-final-date", finalRepayment);
			return text.length() == 0 ? "no values" : text.toString();
		}

		private static void append(StringBuilder text, String name, Object value) {
			if (value != null) {
				text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(value);
			}
		}
	}

	/** A transaction; {@code index} is its 1-based position in the activity. */
	static final class Transaction {
		int index;
		String ref;
		String type;
		LocalDate transactionDate;
		LocalDate valueDate;
		String currency;
		String value;
		Org provider;
		Org receiver;
		String financeType;
		String flowType;
		String description;
		/** {@code pt:source}, {@code pt:instrument} (our own export). */
		String source;
		String instrument;
		/** {@code pt:movement} of our own export: {@code cancellation} on a commitment's cancellation. */
		String movement;
		/**
		 * A loan commitment's terms and dates of our own export ({@code pt:interest-rate}, {@code pt:maturity-years},
		 * {@code pt:grace-years}, {@code pt:repayment-convention}, {@code pt:effective-on}, {@code pt:closing-on}),
		 * as published.
		 */
		String interestRate;
		String maturityYears;
		String graceYears;
		String repaymentConvention;
		String effectiveOn;
		String closingOn;
		final List<Sector> sectors = new ArrayList<>();

		LocalDate date() {
			return valueDate != null ? valueDate : transactionDate;
		}
	}
}
