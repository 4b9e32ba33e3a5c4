package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.Text;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * The first pass over an IATI file, before anything is imported: it reads the whole file as the import will
 * ({@link IatiReader}'s parser and limits) and refuses it ({@link IatiFileRefusedException}, 400 naming the line and
 * column) when it is not well-formed XML, declares a DTD (so no entity, external or internal, is ever expanded: no
 * billion laughs), exceeds a limit (attribute or text size, depth), is rooted elsewhere than {@code iati-activities},
 * or holds no {@code iati-activity}. A file that passes is imported whole, leniently; one that does not imports
 * nothing.
 */
final class IatiFileCheck {

	static final String ROOT = "iati-activities";
	private static final String ACTIVITY = "iati-activity";

	/** What the check found: the number of activities. */
	record Checked(int activities) {
	}

	private IatiFileCheck() {
	}

	/** Checks the file; {@code progress} is told the bytes read so far now and then. */
	static Checked check(CountingStream in, LongConsumer progress) throws IOException {
		int activities = 0;
		String root = null;
		XMLStreamReader reader = null;
		try {
			reader = IatiReader.reader(in);
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw refused(reader.getLocation(), Text.of("problem.field.iatiDtd"));
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (root == null) {
					root = reader.getLocalName();
				}
				else if (reader.getLocalName().equals(ACTIVITY)) {
					activities++;
					if (activities % 256 == 0) {
						progress.accept(in.count());
					}
				}
			}
		}
		catch (XMLStreamException e) {
			if (e.getNestedException() instanceof IOException io) {
				throw io; // the upload itself failed (or was larger than allowed): not the file's fault
			}
			// a limit the parser enforces names no location: where the reader stopped is where the file broke it
			Location at = e.getLocation() != null ? e.getLocation() : reader == null ? null : reader.getLocation();
			throw refused(at, Text.of("problem.field.iatiUnreadable").with("reason", Text.verbatim(reason(e))));
		}
		finally {
			close(reader);
		}
		if (root == null || activities == 0) {
			throw new IatiFileRefusedException(Text.of("problem.field.iatiNoActivity")
					.with("root", root == null ? "none" : "<" + root + ">"), null, null);
		}
		if (!root.equals(ROOT)) {
			throw new IatiFileRefusedException(Text.of("problem.field.iatiRoot").with("root", root), 1, null);
		}
		return new Checked(activities);
	}

	private static IatiFileRefusedException refused(Location at, Text reason) {
		Integer line = at == null || at.getLineNumber() < 0 ? null : at.getLineNumber();
		Integer column = at == null || at.getColumnNumber() < 0 ? null : at.getColumnNumber();
		return new IatiFileRefusedException(reason, line, column);
	}

	/** The parser's message without the location it appends (the problem names it apart). */
	static String reason(XMLStreamException e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		int at = message.indexOf("\n at [");
		message = at >= 0 ? message.substring(0, at) : message;
		message = message.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
		return message.replaceAll("\\s+", " ").trim();
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ignored) {
				// nothing more to read
			}
		}
	}
}
