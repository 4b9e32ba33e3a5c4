package org.pipelinetracker.notification;

import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.Text;
import org.springframework.stereotype.Component;

import java.util.Map;

/** A notification's texts written in a reader's language, from its catalogue key and arguments. */
@Component
class NotificationTexts {

	private final Translations translations;

	NotificationTexts(Translations translations) {
		this.translations = translations;
	}

	/** What happened. */
	String text(Notifications.Stored n, String language) {
		Text text = Text.of(n.textKey());
		for (Map.Entry<String, String> argument : n.arguments().entrySet()) {
			text = text.with(argument.getKey(), argument.getValue());
		}
		return translations.render(text, language);
	}

	/** The kind's name. */
	String kind(NotificationKind kind, String language) {
		return translations.render(Text.of(kind.textKey()), language);
	}

	/** The e-mail's subject. */
	String subject(Notifications.Stored n, String language) {
		return translations.render(Text.of("ui.notification.mail.subject").with("kind", Text.of(n.kind().textKey()))
				.with("project", n.projectTitle() == null ? n.projectId() : n.projectTitle()), language);
	}

	/** The e-mail's body: what happened, the project's page when the base URL is known, and why it was sent. */
	String body(Notifications.Stored n, String language, String baseUrl) {
		StringBuilder body = new StringBuilder(text(n, language)).append("\n\n");
		if (baseUrl != null && !baseUrl.isBlank() && n.projectId() != null) {
			body.append(translations.render(Text.of("ui.notification.mail.link").with("url",
					baseUrl.replaceAll("/+$", "") + "/#/projects/" + n.projectId()), language)).append("\n\n");
		}
		body.append(translations.render(Text.of("ui.notification.mail.footer"), language)).append('\n');
		return body.toString();
	}
}
