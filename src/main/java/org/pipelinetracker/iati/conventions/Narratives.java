package org.pipelinetracker.iati.conventions;

/**
 * The language of the texts. A project's title and description are kept in every language recorded (the original's
 * and the others): the export writes one {@code narrative} per language with its {@code xml:lang}, the original's
 * first; the import keeps every narrative of the title and the general description with its language, the original
 * being the first narrative without a language or in {@value #LANGUAGE} (else the first). Every other narrative the
 * export writes, and the activity's default language, is {@value #LANGUAGE}.
 */
public final class Narratives {

	/** ISO 639-1 code of the activity's default language in the export, and the language the import prefers. */
	public static final String LANGUAGE = "en";

	private Narratives() {
	}
}
