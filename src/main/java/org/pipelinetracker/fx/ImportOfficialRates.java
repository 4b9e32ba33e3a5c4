package org.pipelinetracker.fx;

import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Imports the Central Bank's daily rates (its JSON, uploaded or fetched): a file with any problem is refused whole
 * (400 naming each element and field, nothing stored); otherwise every rate not stored yet is added in one
 * transaction, and the rates in force change on this node at once and on the others within
 * {@code tracker.fx.refresh-interval}.
 */
@Service
class ImportOfficialRates {

	private final FxRateStore store;
	private final ImportedRates imported;
	private final FxTexts texts;
	private final Clock clock;

	ImportOfficialRates(FxRateStore store, ImportedRates imported, FxTexts texts, Clock clock) {
		this.store = store;
		this.imported = imported;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * @param json       the file as published
	 * @param origin     where it came from: the uploaded file's name or the URL it was fetched from
	 * @param importedBy the user (or the scheduled fetch)
	 * @param locale     the language of the report's reasons (the problems are written in the caller's language when
	 *                   they are answered)
	 * @throws InvalidRequestException naming each element and field that is wrong
	 */
	ImportReport run(byte[] json, String origin, String importedBy, Locale locale) {
		CbuRatesJson.Parsed parsed = CbuRatesJson.parse(json, origin);
		if (!parsed.problems().isEmpty()) {
			List<FieldViolation> violations = new ArrayList<>();
			for (CbuRatesJson.Problem problem : parsed.problems()) {
				violations.add(new FieldViolation(problem.field(), problem.reason()));
			}
			throw new InvalidRequestException(violations);
		}
		FxRateStore.Stored stored = store.store(parsed.rates(), clock.instant(), importedBy);
		if (stored.added() > 0) {
			imported.refresh();
		}
		List<ImportReport.Skipped> skipped = new ArrayList<>();
		for (CbuRatesJson.Skip skip : parsed.skipped()) {
			skipped.add(new ImportReport.Skipped(skip.ccy(), texts.render(skip.reason(), locale)));
		}
		for (FxRateStore.Conflict conflict : stored.conflicts()) {
			FxRate kept = conflict.stored();
			skipped.add(new ImportReport.Skipped(conflict.offered().currency(), texts.render(
					Text.of("problem.fx.import.skippedConflict").with("date", kept.date())
							.with("rate", kept.rate().toPlainString()).with("nominal", kept.nominal().toPlainString())
							.with("currency", kept.currency()).with("origin", kept.origin()), locale)));
		}
		List<String> currencies = new ArrayList<>(new TreeSet<>(parsed.rates().stream().map(FxRate::currency).toList()));
		return new ImportReport(new ArrayList<>(new TreeSet<>(parsed.rates().stream().map(FxRate::date).toList())),
				currencies, stored.added(), stored.unchanged(), skipped, CbuRatesJson.SOURCE, origin);
	}
}
