package org.pipelinetracker.notification;

import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.Text;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A notification's texts written in a reader's language, from its catalogue key and arguments. */
@Component
class NotificationTexts {

	/** The argument that holds an amount of money, stored as {@code Money.toString()} ({@code USD 250000.00}). */
	static final String MONEY_ARGUMENT = "amount";
	private static final Pattern STORED_MONEY = Pattern.compile("([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)");
	/** The argument that names a fiscal quarter, stored as its label ({@code 2026-Q3}). */
	static final String PERIOD_ARGUMENT = "period";
	private static final Pattern STORED_QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
	/** The arguments that are people's own data. */
	private static final Set<String> DATA_ARGUMENTS = Set.of("project", "milestone", "by", "funder");
	private static final char DATA_START = '\u0002';
	private static final char DATA_END = '\u0003';

	private final Translations translations;

	NotificationTexts(Translations translations) {
		this.translations = translations;
	}

	/** What happened, its amounts written in the reader's number format. */
	String text(Notifications.Stored n, String language) {
		return written(n, language).stream().map(Part::text).collect(Collectors.joining());
	}

	/**
	 * What happened, in parts: those that are people's own data (a project's title, a milestone's or a funder's
	 * name, a user's name) marked {@code data}, the rest written in the reader's language, so that a page can tell
	 * translators and checkers which words are nobody's to translate.
	 */
	List<Part> written(Notifications.Stored n, String language) {
		Text text = Text.of(n.textKey());
		for (Map.Entry<String, String> argument : n.arguments().entrySet()) {
			text = text.with(argument.getKey(), value(argument.getKey(), argument.getValue()));
		}
		String rendered = translations.renderForReading(text, language);
		List<Part> parts = new ArrayList<>();
		int at = 0;
		while (at < rendered.length()) {
			int start = rendered.indexOf(DATA_START, at);
			if (start < 0) {
				parts.add(new Part(rendered.substring(at), false));
				break;
			}
			int end = rendered.indexOf(DATA_END, start);
			if (start > at) {
				parts.add(new Part(rendered.substring(at, start), false));
			}
			parts.add(new Part(rendered.substring(start + 1, end), true));
			at = end + 1;
		}
		return parts;
	}

	/** One part of a notification's text; {@code data} when it is people's own data, written as they wrote it. */
	record Part(String text, boolean data) {
	}

	/**
	 * An argument as the reader's language writes it: the money an {@code amount} argument stores as
	 * {@code USD 250000.00} in the reader's number format, a fiscal quarter stored as {@code 2026-Q3} as the
	 * language names it, people's data between markers {@link #written} turns into parts.
	 */
	private static Object value(String name, String stored) {
		if (stored == null) {
			return null;
		}
		if (MONEY_ARGUMENT.equals(name)) {
			Matcher money = STORED_MONEY.matcher(stored);
			if (money.matches()) {
				return Text.money(new BigDecimal(money.group(2)), money.group(1));
			}
		}
		if (PERIOD_ARGUMENT.equals(name)) {
			Matcher quarter = STORED_QUARTER.matcher(stored);
			if (quarter.matches()) {
				return Text.of("ui.funding.period.fiscalQuarter").with("year", quarter.group(1))
						.with("quarter", quarter.group(2));
			}
		}
		if (DATA_ARGUMENTS.contains(name)) {
			return DATA_START + stored.replace(DATA_START, ' ').replace(DATA_END, ' ') + DATA_END;
		}
		return stored;
	}

	/** The kind's name. */
	String kind(NotificationKind kind, String language) {
		return translations.renderForReading(Text.of(kind.textKey()), language);
	}

	/** The e-mail's subject. */
	String subject(Notifications.Stored n, String language) {
		return translations.renderForReading(Text.of("ui.notification.mail.subject")
				.with("kind", Text.of(n.kind().textKey()))
				.with("project", n.projectTitle() == null ? n.projectId() : n.projectTitle()), language);
	}

	/** The e-mail's body: what happened, the project's page when the base URL is known, and why it was sent. */
	String body(Notifications.Stored n, String language, String baseUrl) {
		StringBuilder body = new StringBuilder(text(n, language)).append("\n\n");
		if (baseUrl != null && !baseUrl.isBlank() && n.projectId() != null) {
			body.append(translations.renderForReading(Text.of("ui.notification.mail.link").with("url",
					baseUrl.replaceAll("/+$", "") + "/#/projects/" + n.projectId()), language)).append("\n\n");
		}
		body.append(translations.renderForReading(Text.of("ui.notification.mail.footer"), language)).append('\n');
		return body.toString();
	}
}
