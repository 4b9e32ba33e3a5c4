package org.pipelinetracker.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sign-in page ({@code GET /login}) and the sign-out page ({@code GET /logout}), in the visitor's language: the
 * one chosen with {@code ?lang=} (kept in the pages' language cookie {@code tracker-lang}, so the app starts in it),
 * else the cookie's, else the best match of {@code Accept-Language}, else English. Plain HTML in the app's look, with
 * a language switch (links), labelled fields and the CSRF token: no script, so it works without JavaScript. Spring
 * Security handles the forms ({@code POST /login}, {@code POST /logout}); a failed sign-in comes back with
 * {@code ?error}, a sign-out with {@code ?logout}, each with its message.
 */
@Controller
class SignInPage {

	/** The pages' language cookie (static/assets/js/i18n.js). */
	static final String LANGUAGE_COOKIE = "tracker-lang";
	private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

	private final Translations translations;

	SignInPage(Translations translations) {
		this.translations = translations;
	}

	@GetMapping("/login")
	ResponseEntity<String> signIn(HttpServletRequest request, CsrfToken csrf,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "logout", required = false) String logout) {
		String language = language(request, lang);
		String notice = error != null ? "<p class=\"notice error\" role=\"alert\" id=\"sign-in-error\">"
				+ text("ui.signIn.failed", language) + "</p>\n"
				: logout != null ? "<p class=\"notice info\" role=\"status\" id=\"signed-out\">"
						+ text("ui.signIn.signedOut", language) + "</p>\n" : "";
		String form = """
				<form method="post" action="/login" class="sign-in-form">
				<div class="field"><label for="username">%s</label>
				<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus></div>
				<div class="field"><label for="password">%s</label>
				<input id="password" name="password" type="password" autocomplete="current-password" required></div>
				%s<button type="submit" class="primary">%s</button>
				</form>
				""".formatted(text("ui.signIn.username", language), text("ui.signIn.password", language), hidden(csrf),
				text("ui.session.signIn", language));
		return page(language, lang, "/login", "ui.session.signIn", notice + form);
	}

	@GetMapping("/logout")
	ResponseEntity<String> signOut(HttpServletRequest request, CsrfToken csrf,
			@RequestParam(name = "lang", required = false) String lang) {
		String language = language(request, lang);
		String form = """
				<p>%s</p>
				<form method="post" action="/logout" class="sign-in-form">
				%s<button type="submit" class="primary">%s</button>
				</form>
				""".formatted(text("ui.signOut.question", language), hidden(csrf), text("ui.session.logOut", language));
		return page(language, lang, "/logout", "ui.session.logOut", form);
	}

	/** The language of the page: {@code ?lang=}, else the language cookie, else Accept-Language, else English. */
	private static String language(HttpServletRequest request, String lang) {
		String chosen = Languages.supported(lang);
		if (chosen == null && request.getCookies() != null) {
			chosen = Arrays.stream(request.getCookies()).filter(c -> LANGUAGE_COOKIE.equals(c.getName()))
					.map(Cookie::getValue).map(Languages::supported).filter(java.util.Objects::nonNull).findFirst()
					.orElse(null);
		}
		return chosen != null ? chosen : Translations.languageOf(request);
	}

	private ResponseEntity<String> page(String language, String lang, String path, String headingKey, String content) {
		String switcher = Languages.SUPPORTED.stream().map(code -> "<li><a href=\"" + path + "?lang=" + code
				+ "\" lang=\"" + code + "\" hreflang=\"" + code + "\"" + (code.equals(language) ? " aria-current=\"true\"" : "")
				+ ">" + text("ui.language.self", code) + "</a></li>").collect(Collectors.joining());
		String title = escape(translations.render(Text.of("ui.app.titleWith").with("title", Text.of(headingKey)), language));
		String html = """
				<!doctype html>
				<html lang="%s">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
				<link rel="stylesheet" href="/assets/css/app.css">
				</head>
				<body class="sign-in-page">
				<a class="skip-link" href="#main">%s</a>
				<header class="topbar">
				<span class="brand">%s <span class="brand-sub">%s</span></span>
				<nav class="languages" aria-label="%s"><ul>%s</ul></nav>
				</header>
				<main id="main" tabindex="-1">
				<div class="panel sign-in">
				<h1>%s</h1>
				%s</div>
				</main>
				</body>
				</html>
				""".formatted(language, title, text("ui.app.skipToContent", language), text("ui.app.brand", language),
				text("ui.app.brandSub", language), text("ui.prefs.language", language), switcher, text(headingKey, language),
				content);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(HTML)
				.header(HttpHeaders.CONTENT_LANGUAGE, language);
		if (Languages.supported(lang) != null) {
			// chosen here: the app starts in it too (the cookie the pages keep an anonymous visitor's language in)
			answer.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(LANGUAGE_COOKIE, language).path("/")
					.maxAge(Duration.ofDays(365)).sameSite("Lax").build().toString());
		}
		return answer.body(html);
	}

	private static String hidden(CsrfToken csrf) {
		return csrf == null ? "" : "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\""
				+ escape(csrf.getToken()) + "\">\n";
	}

	/** A text of the catalogue, escaped for HTML. */
	private String text(String key, String language) {
		return escape(translations.render(Text.of(key), language));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
