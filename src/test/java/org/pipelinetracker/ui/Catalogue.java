package org.pipelinetracker.ui;

import org.pipelinetracker.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The message catalogue of one language as the pages get it ({@code GET /api/i18n/messages?lang=}). */
record Catalogue(String language, JsonNode messages) {

	static Catalogue of(Api api, String language) {
		Api.Response response = api.anonymous().get("/api/i18n/messages?lang=" + language);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new Catalogue(language, response.json().path("messages"));
	}

	/** The text of a key; fails when the catalogue lacks it. */
	String text(String key) {
		JsonNode text = messages.path(key);
		assertThat(text.isString()).as("catalogue key " + key + " in " + language).isTrue();
		return text.asString();
	}
}
