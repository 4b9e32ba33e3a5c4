/**
 * Languages (module {@code i18n}): the one message catalogue of the server and the web pages, and each user's
 * language and time zone.
 * <p>
 * The catalogue is Spring's {@code MessageSource} over the UTF-8 bundles {@code i18n/messages[_uz|_ru|_ko].properties}
 * (English is the default bundle): {@code ui.*} page texts, {@code ref.*} reference data (stages, IATI codes, regions,
 * DAC sector categories), and {@code problem.*} the server's messages (problem titles and details, field reasons,
 * rule violations), which {@link org.pipelinetracker.i18n.Translations} writes in the caller's language. Placeholders are named ({@code {count}}), plural
 * forms are keys ending in {@code .one/.few/.many/.other} (CLDR categories). The pages read it as JSON from
 * {@code GET /api/i18n/messages?lang=} (open to everyone, so the sign-in page can use it; revalidated by ETag).
 * <p>
 * {@link org.pipelinetracker.i18n.Languages} says which languages exist and picks one from a request
 * ({@code lang} or {@code Accept-Language}; English otherwise). A signed-in user's choice of language and time zone
 * is kept in {@code user_preference} ({@code GET/PUT /api/me/preferences}); anonymous visitors keep theirs in the
 * browser. Instants are shown in the user's time zone, by default {@code tracker.ui.default-time-zone}.
 * <p>
 * Depends on Spring and {@code kernel} ({@link org.pipelinetracker.kernel.Text}); the web UI ({@code static/}), the
 * problem responses ({@code http}) and the sign-in page ({@code security}) use it.
 */
@ApplicationModule(displayName = "Languages", allowedDependencies = {"kernel"})
package org.pipelinetracker.i18n;

import org.springframework.modulith.ApplicationModule;
