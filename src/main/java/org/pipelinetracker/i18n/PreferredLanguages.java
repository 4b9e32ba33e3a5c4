package org.pipelinetracker.i18n;

import org.springframework.stereotype.Component;

/**
 * A signed-in user's language for what is written to them when they are not asking (an e-mail): the language they
 * chose ({@code PUT /api/me/preferences}), else English.
 */
@Component
public class PreferredLanguages {

	private final UserPreferences preferences;

	PreferredLanguages(UserPreferences preferences) {
		this.preferences = preferences;
	}

	/** The user's chosen language, else {@code acceptLanguage}'s best match, else English. */
	public String languageOf(String username, String acceptLanguage) {
		String chosen = preferences.find(username).map(UserPreferences.Stored::language).orElse(null);
		return Languages.resolve(chosen, acceptLanguage);
	}
}
