package org.pipelinetracker.i18n;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.zip.CRC32;

/**
 * {@code GET /api/i18n/messages?lang=ru}: the catalogue in one language for the pages, with the languages the switch
 * offers and the time zones. Without {@code lang} (or with an unknown one) the language is the best match of
 * {@code Accept-Language}, else English. Anyone may read it (the sign-in page needs it). Browsers revalidate it on
 * every use ({@code no-cache} and an ETag of its content), so a new deployment's texts show at once.
 */
@RestController
class MessagesController {

	private final MessageCatalogue catalogue;
	private final TimeZones zones;
	private final DisplayCurrencies currencies;

	MessagesController(MessageCatalogue catalogue, TimeZones zones, DisplayCurrencies currencies) {
		this.catalogue = catalogue;
		this.zones = zones;
		this.currencies = currencies;
	}

	/** A language of the switch, named in itself. */
	record Language(String code, String name) {
	}

	/**
	 * @param lang             the language of the texts
	 * @param messages         every key and its text; placeholders {@code {name}}; plural forms as {@code key.one} …
	 *                         {@code key.other}
	 * @param fallback         keys this language has no translation for (their text is English)
	 * @param languages        the supported languages
	 * @param defaultTimeZone  the zone instants are shown in until a user chooses one
	 * @param timeZones        the zones the preferences offer
	 * @param businessTimeZone the zone whose date is "today" for the server's date rules
	 * @param displayCurrencies the currencies amounts can be shown in (the first is the default)
	 */
	record Catalogue(String lang, SortedMap<String, String> messages, SortedSet<String> fallback,
			List<Language> languages, String defaultTimeZone, List<String> timeZones, String businessTimeZone,
			List<String> displayCurrencies) {
	}

	@GetMapping(path = "/api/i18n/messages", produces = "application/json")
	ResponseEntity<Catalogue> messages(@RequestParam(name = "lang", required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		MessageCatalogue.Texts texts = catalogue.texts(Languages.resolve(lang, acceptLanguage));
		String etag = "\"" + texts.hash() + "-" + settingsHash() + "\"";
		List<Language> languages = catalogue.languageNames().stream().map(e -> new Language(e.getKey(), e.getValue()))
				.toList();
		// an If-None-Match naming this ETag is answered 304 without a body (Spring MVC's conditional GET)
		return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
				.varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(new Catalogue(texts.language(), texts.messages(), texts.fallback(), languages,
				zones.defaultZone(), zones.offered(), zones.businessZone(), currencies.offered()));
	}

	private String settingsHash() {
		CRC32 crc = new CRC32();
		crc.update(String.join("|", zones.defaultZone(), String.join(",", zones.offered()), zones.businessZone(),
				String.join(",", currencies.offered())).getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}
}
