package org.pipelinetracker.documents;

import org.apache.tika.Tika;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Which files a project keeps: the media type is detected from the bytes (Apache Tika's magic numbers; the file name
 * only narrows a container the bytes already show, such as a ZIP that is a .docx), never taken from the client. PDF,
 * images, office documents (Microsoft and OpenDocument), plain text and CSV are accepted; everything else (programs,
 * scripts, HTML, archives, anything unrecognised) is refused.
 */
final class MediaTypePolicy {

	static final Set<String> ACCEPTED = Set.of(
			"application/pdf",
			"image/png", "image/jpeg", "image/gif", "image/webp", "image/tiff",
			"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation",
			"text/plain", "text/csv");

	private static final Tika TIKA = new Tika();
	private static final String UNKNOWN = "application/octet-stream";

	private MediaTypePolicy() {
	}

	/** Opens the bytes again, from their start. */
	interface Bytes {
		InputStream open() throws IOException;
	}

	/**
	 * The media type of these bytes, without parameters (a charset, say): what their magic numbers say, and only then
	 * the file name, which Tika uses to narrow a container the bytes show (a ZIP to a .docx, OLE2 to a .xls, plain text
	 * to CSV). Bytes Tika does not recognise stay {@code application/octet-stream}, whatever the name says.
	 */
	static String detect(Bytes bytes, String fileName) throws IOException {
		String byBytes;
		try (InputStream in = bytes.open()) {
			byBytes = withoutParameters(TIKA.detect(in));
		}
		if (UNKNOWN.equals(byBytes)) {
			return UNKNOWN;
		}
		try (InputStream in = bytes.open()) {
			return withoutParameters(TIKA.detect(in, fileName));
		}
	}

	private static String withoutParameters(String detected) {
		int semicolon = detected.indexOf(';');
		return (semicolon < 0 ? detected : detected.substring(0, semicolon)).trim();
	}

	static boolean accepts(String mediaType) {
		return ACCEPTED.contains(mediaType);
	}
}
