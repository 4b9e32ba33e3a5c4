package org.pipelinetracker.iati.conventions;

import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;

import java.util.regex.Pattern;

/**
 * Which funding source and instrument a commitment's IATI codes and funder stand for. The export writes the
 * finance and flow types the domain gives each source ({@link FundingSource}, {@link EximbankInstrument}) and the
 * source itself in {@link Extension#SOURCE}, {@link Extension#INSTRUMENT}; the import maps other publishers' codes
 * back through the same codes: finance type 421 from Korea Eximbank → EXIMBANK (flow type 22 → EXPORT_CREDIT,
 * else EDCF_LOAN), finance type 110 from KOICA → KOICA_GRANT, anything else → OTHER.
 */
public final class FundingCodes {

	private static final Pattern KOICA = Pattern.compile("(?i)\\bKOICA\\b|Korea International Cooperation Agency");
	private static final Pattern KOREA_EXIMBANK = Pattern.compile(
			"(?i)Export-Import Bank of Korea|Korea Exim|\\bKEXIM\\b|\\bEDCF\\b|Economic Development Cooperation Fund");

	private FundingCodes() {
	}

	/** Whether an organisation name (or ref) is Korea Eximbank or its EDCF, as publishers write it. */
	public static boolean isKoreaEximbank(String organisation) {
		return organisation != null && KOREA_EXIMBANK.matcher(organisation).find();
	}

	/** Whether an organisation name (or ref) is KOICA, as publishers write it. */
	public static boolean isKoica(String organisation) {
		return organisation != null && KOICA.matcher(organisation).find();
	}

	/**
	 * The source of another publisher's commitment: EXIMBANK for Korea Eximbank's finance type (421), KOICA_GRANT
	 * for KOICA's (110), else OTHER.
	 */
	public static FundingSource sourceOf(String financeType, String provider) {
		if (EximbankInstrument.EDCF_LOAN.iatiFinanceType().equals(financeType) && isKoreaEximbank(provider)) {
			return FundingSource.EXIMBANK;
		}
		if (FundingSource.KOICA_GRANT.iatiFinanceType().equals(financeType) && isKoica(provider)) {
			return FundingSource.KOICA_GRANT;
		}
		return FundingSource.OTHER;
	}

	/** The Eximbank instrument a flow type stands for: export credit for its flow type (22), else an EDCF loan. */
	public static EximbankInstrument instrumentOf(String flowType) {
		return EximbankInstrument.EXPORT_CREDIT.iatiFlowType().equals(flowType) ? EximbankInstrument.EXPORT_CREDIT
				: EximbankInstrument.EDCF_LOAN;
	}

	/** The funding source {@link Extension#SOURCE} names, or null. */
	public static FundingSource sourceNamed(String name) {
		for (FundingSource source : FundingSource.values()) {
			if (source.name().equals(name)) {
				return source;
			}
		}
		return null;
	}

	/** The Eximbank instrument {@link Extension#INSTRUMENT} names, or null. */
	public static EximbankInstrument instrumentNamed(String name) {
		for (EximbankInstrument instrument : EximbankInstrument.values()) {
			if (instrument.name().equals(name)) {
				return instrument;
			}
		}
		return null;
	}
}
