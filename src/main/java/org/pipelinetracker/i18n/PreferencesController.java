package org.pipelinetracker.i18n;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * {@code GET/PUT /api/me/preferences}: the signed-in user's language, time zone and display currency, kept on the
 * server so every browser they sign in with shows the same. Until the user chooses, the language is the best match
 * of {@code Accept-Language}, the zone is {@code tracker.ui.default-time-zone} and the display currency USD. A PUT
 * may set any of them; an unsupported language, an unknown zone or a currency not offered
 * ({@code tracker.fx.display-currencies}) is a 400 problem naming the field. Signed-in users only.
 */
@RestController
class PreferencesController {

	private final UserPreferences preferences;
	private final TimeZones zones;
	private final DisplayCurrencies currencies;

	PreferencesController(UserPreferences preferences, TimeZones zones, DisplayCurrencies currencies) {
		this.preferences = preferences;
		this.zones = zones;
		this.currencies = currencies;
	}

	/**
	 * @param language        one of {@code en, uz, ru, ko}
	 * @param timeZone        an IANA time zone id, e.g. {@code Asia/Seoul}
	 * @param displayCurrency the currency amounts are converted to on the pages: one of
	 *                        {@code tracker.fx.display-currencies} (USD, UZS, KRW, EUR)
	 */
	record Preferences(String language, String timeZone, String displayCurrency) {
	}

	@GetMapping(path = "/api/me/preferences", produces = "application/json")
	Preferences preferences(Principal user,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return effective(preferences.find(user.getName()).orElse(new UserPreferences.Stored(null, null, null)),
				acceptLanguage);
	}

	@PutMapping(path = "/api/me/preferences", consumes = "application/json", produces = "application/json")
	Preferences choose(Principal user, @RequestBody Preferences chosen,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Violations violations = new Violations();
		String language = chosen.language() == null ? null : Languages.supported(chosen.language());
		violations.check(chosen.language() == null || language != null, "language",
				Text.of("problem.field.languageUnsupported").with("language", chosen.language())
						.with("languages", String.valueOf(Languages.SUPPORTED)));
		String zone = chosen.timeZone() == null ? null : chosen.timeZone().strip();
		violations.check(zone == null || TimeZones.isZone(zone), "timeZone",
				Text.of("problem.field.timeZoneUnknown").with("timeZone", chosen.timeZone()));
		String currency = currencies.chosen(violations, chosen.displayCurrency());
		violations.throwIfAny();
		return effective(preferences.save(user.getName(), language, zone, currency), acceptLanguage);
	}

	private Preferences effective(UserPreferences.Stored stored, String acceptLanguage) {
		return new Preferences(Languages.resolve(stored.language(), acceptLanguage),
				stored.timeZone() != null ? stored.timeZone() : zones.defaultZone(),
				stored.displayCurrency() != null ? stored.displayCurrency() : currencies.defaultCurrency());
	}
}
