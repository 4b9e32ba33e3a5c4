package org.pipelinetracker.iati.conventions;

/**
 * The language of the texts. The project keeps one text per field, in English: the export writes every
 * {@code narrative} (and the activity's default) with {@code xml:lang} {@value #LANGUAGE}; the import takes, of an
 * element's narratives, the first in that language or without one, else the first of any language.
 */
public final class Narratives {

	/** ISO 639-1 code of the language the export writes and the import prefers. */
	public static final String LANGUAGE = "en";

	private Narratives() {
	}
}
