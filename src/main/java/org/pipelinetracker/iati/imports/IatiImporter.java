package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.springframework.stereotype.Service;

import javax.xml.stream.XMLStreamException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Imports an IATI activity file: reads it one activity at a time ({@link IatiReader}) and has each turned into
 * project commands ({@link ActivityImporter}) through {@code project.app.ProjectWriteService}, the same write path
 * as the HTTP API and the demo data, so every rule of the project applies and every event carries the actor and a
 * reason naming the file and the activity's {@code last-updated-datetime}. Each mapping decision is documented on
 * the mapper that makes it; the report lists everything not recorded, and every deterministic adjustment as a note.
 */
@Service
public class IatiImporter {

	private final ActivityImporter activities;
	private final ProgressTracker progress;
	private final Clock clock;

	IatiImporter(ActivityImporter activities, ProgressTracker progress, Clock clock) {
		this.activities = activities;
		this.progress = progress;
		this.clock = clock;
	}

	/** The import running now, or the last one. */
	public ImportProgress progress() {
		return progress.current();
	}

	/**
	 * Imports every activity of the stream. {@code totalBytes} (may be null) is only for the progress percentage;
	 * {@code maxBytes} (0: no limit) stops reading a larger stream with {@link ImportTooLargeException}.
	 * A stream that is not XML, or holds no {@code iati-activity}, is refused with {@link InvalidRequestException}
	 * when nothing was imported from it; XML that breaks after some activities is reported as a skipped entry.
	 */
	public ImportReport importFile(InputStream in, String fileName, AuditContext actor, Long totalBytes, long maxBytes) {
		String file = fileName == null || fileName.isBlank() ? "upload.xml" : fileName.trim();
		ImportRun run = new ImportRun(file, actor, totalBytes, clock.instant());
		CountingStream counted = new CountingStream(in, maxBytes);
		progress.started(run);
		IatiReader.Result result = null;
		try {
			result = IatiReader.read(counted, activity -> {
				run.activitiesRead++;
				activities.importActivity(activity, run);
				progress.advanced(run, counted.count());
			});
		}
		catch (XMLStreamException e) {
			if (counted.exceeded()) {
				progress.failed(run, counted.count());
				throw new ImportTooLargeException(maxBytes);
			}
			if (run.activitiesRead == 0) {
				progress.failed(run, counted.count());
				throw InvalidRequestException.of("body", "not a readable IATI XML file: " + xmlMessage(e));
			}
			run.skip(file, "the XML breaks after " + run.activitiesRead + " activities (" + xmlMessage(e)
					+ "); the rest of the file was not read");
		}
		catch (RuntimeException e) {
			progress.failed(run, counted.count());
			throw e;
		}
		if (result != null && run.activitiesRead == 0) {
			progress.failed(run, counted.count());
			throw InvalidRequestException.of("body", "no iati-activity element found (root element: "
					+ (result.rootElement == null ? "none" : "<" + result.rootElement + ">") + ")");
		}
		progress.done(run, counted.count());
		return run.report();
	}

	private static String xmlMessage(XMLStreamException e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.replaceAll("\\s+", " ").trim();
	}
}
