package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.AuditContext;
import org.springframework.stereotype.Service;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Imports an IATI activity file in two passes: the whole file is checked first ({@link IatiFileCheck}: well-formed,
 * no DTD, within the parser's limits, an {@code iati-activities} file with activities), so a malformed or hostile file
 * is refused before anything is recorded; then it is read again one activity at a time ({@link IatiReader}) and each
 * is turned into project commands ({@link ActivityImporter}) through {@code project.app}, the same write path as the
 * HTTP API and the demo data, so every rule of the project applies and every event carries the actor and a reason
 * naming the file and the activity's {@code last-updated-datetime}. Memory does not grow with the file. Each mapping
 * decision is documented on the mapper that makes it; the report lists everything not recorded, and every
 * deterministic adjustment as a note.
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
	 * Imports every activity of the file. {@code totalBytes} (may be null) is only for the progress percentage;
	 * {@code maxBytes} (0: no limit) stops reading a larger file with {@link ImportTooLargeException}. A file that is
	 * not XML, declares a DTD, breaks a limit, is no {@code iati-activities} file or holds no activity is refused whole
	 * with {@link IatiFileRefusedException} (its line and column), nothing imported.
	 */
	public ImportReport importFile(ImportSource source, String fileName, AuditContext actor, Long totalBytes,
			long maxBytes) {
		String file = fileName == null || fileName.isBlank() ? "upload.xml" : fileName.trim();
		ImportRun run = new ImportRun(file, actor, totalBytes, clock.instant());
		progress.started(run);
		CountingStream checked = null;
		try {
			checked = new CountingStream(source.open(), maxBytes);
			CountingStream counting = checked;
			progress.checked(run, IatiFileCheck.check(counting, bytes -> progress.checking(run, bytes)).activities());
		}
		catch (IOException e) {
			failed(run, checked);
			throw checked != null && checked.exceeded() ? new ImportTooLargeException(maxBytes) : new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			failed(run, checked);
			throw e;
		}
		finally {
			close(checked);
		}
		CountingStream counted = null;
		try {
			counted = new CountingStream(source.open(), maxBytes);
			CountingStream in = counted;
			IatiReader.read(in, activity -> {
				run.activitiesRead++;
				activities.importActivity(activity, run);
				progress.advanced(run, in.count());
			});
		}
		catch (XMLStreamException e) {
			// the file was sound a moment ago: it changed under the import
			run.skip(file, "the XML breaks after " + run.activitiesRead + " activities on the second reading ("
					+ IatiFileCheck.reason(e) + "); the rest of the file was not read");
		}
		catch (IOException e) {
			failed(run, counted);
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			failed(run, counted);
			throw e;
		}
		finally {
			close(counted);
		}
		progress.done(run, counted.count());
		return run.report();
	}

	private void failed(ImportRun run, CountingStream in) {
		progress.failed(run, in == null ? 0 : in.count());
	}

	private static void close(CountingStream in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ignored) {
				// read to the end, or failed already
			}
		}
	}
}
