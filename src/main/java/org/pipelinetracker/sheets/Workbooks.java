package org.pipelinetracker.sheets;

import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.Text;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Makes {@link Workbook}s in the caller's language: {@code lang} if given and supported, else the best match of
 * {@code Accept-Language}, else English. Sheet names, column headers and the title row come from the message
 * catalogue ({@code ui.sheet.*}).
 */
@Component
public class Workbooks {

	/** The media type of an XLSX workbook. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Translations translations;

	Workbooks(Translations translations) {
		this.translations = translations;
	}

	/** A new workbook in the language of the request ({@code lang} parameter, else {@code Accept-Language}). */
	public Workbook open(HttpServletRequest request) {
		String language = Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
		return new Workbook(key -> translations.render(Text.of(key), language),
				text -> translations.render(text, language), language);
	}

	/**
	 * The title row's cut: {@code "as of {date}"}, {@code "as known at {instant}"}, both or neither, appended to a
	 * sheet's title.
	 */
	public static Text titleWithCut(String titleKey, LocalDate asOf, Instant knownAt) {
		if (asOf != null && knownAt != null) {
			return Text.of("ui.sheet.titleAsOfKnownAt").with("title", Text.of(titleKey)).with("asOf", asOf.toString())
					.with("knownAt", knownAt.toString());
		}
		if (asOf != null) {
			return Text.of("ui.sheet.titleAsOf").with("title", Text.of(titleKey)).with("asOf", asOf.toString());
		}
		if (knownAt != null) {
			return Text.of("ui.sheet.titleKnownAt").with("title", Text.of(titleKey)).with("knownAt", knownAt.toString());
		}
		return Text.of(titleKey);
	}
}
