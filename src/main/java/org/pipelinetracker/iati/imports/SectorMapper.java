package org.pipelinetracker.iati.imports;

import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The one DAC sector a project is recorded under, chosen from what the activity publishes. */
@Component
class SectorMapper {

	static final String NOT_SPECIFIED_SECTOR = "99810";
	private static final Pattern DAC5 = Pattern.compile("\\d{5}");
	private static final Pattern DAC3 = Pattern.compile("\\d{3}");

	private final Codelists codelists;

	SectorMapper(Codelists codelists) {
		this.codelists = codelists;
	}

	/**
	 * The DAC 5-digit purpose code (vocabulary 1 or none) with the highest percentage, the first on a tie; else the
	 * most frequent one on the transactions; else a DAC 3-digit category (vocabulary 2) mapped to its first active
	 * purpose code; else 99810 "Sectors not specified". The others are listed in the notes.
	 */
	String sector(IatiActivity a, List<String> notes) {
		List<IatiActivity.Sector> dac = a.sectors.stream()
				.filter(s -> (s.vocabulary() == null || s.vocabulary().equals("1")) && s.code() != null
						&& DAC5.matcher(s.code()).matches() && codelists.isSector(s.code()))
				.toList();
		if (!dac.isEmpty()) {
			IatiActivity.Sector best = dac.get(0);
			for (IatiActivity.Sector s : dac) {
				if (percentage(s.percentage()).compareTo(percentage(best.percentage())) > 0) {
					best = s;
				}
			}
			if (dac.size() > 1) {
				IatiActivity.Sector chosen = best;
				notes.add("sector " + best.code() + " chosen (highest percentage); also published: " + String.join(", ",
						dac.stream().filter(s -> s != chosen).map(s -> s.code() + (s.percentage() == null ? "" : " " + s.percentage() + "%")).toList()));
			}
			return best.code();
		}
		Map<String, Integer> onTransactions = new LinkedHashMap<>();
		for (IatiActivity.Transaction t : a.transactions) {
			for (IatiActivity.Sector s : t.sectors) {
				if ((s.vocabulary() == null || s.vocabulary().equals("1")) && s.code() != null && codelists.isSector(s.code())) {
					onTransactions.merge(s.code(), 1, Integer::sum);
				}
			}
		}
		if (!onTransactions.isEmpty()) {
			String best = null;
			for (Map.Entry<String, Integer> e : onTransactions.entrySet()) {
				if (best == null || e.getValue() > onTransactions.get(best)) {
					best = e.getKey();
				}
			}
			notes.add("no activity-level DAC sector; sector " + best + " is the most frequent on the transactions "
					+ onTransactions);
			return best;
		}
		for (IatiActivity.Sector s : a.sectors) {
			if ("2".equals(s.vocabulary()) && s.code() != null && DAC3.matcher(s.code()).matches()) {
				for (int i = 0; i < 100; i++) {
					String code = s.code() + String.format(Locale.ROOT, "%02d", i);
					if (codelists.isSector(code)) {
						notes.add("no DAC 5-digit sector; DAC category " + s.code() + " mapped to its first purpose code "
								+ code + (a.sectors.size() > 1 ? "; published sectors: " + sectorList(a.sectors) : ""));
						return code;
					}
				}
			}
		}
		notes.add("no usable DAC sector" + (a.sectors.isEmpty() ? "" : " (published: " + sectorList(a.sectors) + ")")
				+ "; recorded as " + NOT_SPECIFIED_SECTOR + " Sectors not specified");
		return NOT_SPECIFIED_SECTOR;
	}

	private static String sectorList(List<IatiActivity.Sector> sectors) {
		return String.join(", ", sectors.stream().map(s -> "vocabulary " + (s.vocabulary() == null ? "1" : s.vocabulary())
				+ " " + s.code() + (s.percentage() == null ? "" : " " + s.percentage() + "%")).toList());
	}

	private static BigDecimal percentage(String value) {
		try {
			return value == null ? BigDecimal.ZERO : new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			return BigDecimal.ZERO;
		}
	}
}
