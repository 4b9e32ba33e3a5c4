package org.pipelinetracker.bench;

import org.pipelinetracker.iati.imports.IatiImporter;
import org.pipelinetracker.iati.imports.IatiParseOnly;
import org.pipelinetracker.iati.imports.ImportReport;
import org.pipelinetracker.kernel.AuditContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20's import phase: an IATI file of a given size built from the example activities
 * ({@code src/test/resources/iati/examples}) with new identifiers, parsed alone (the parse-only ceiling: the
 * importer's reader, no command) and imported (two passes: check, then import, one activity in memory at a time), in
 * the benchmark's JVM ({@code -Xmx512m} under {@code ./mvnw -Pbench verify}), with the heap peak of the import.
 */
final class IatiImportBench {

	static final List<String> EXAMPLES = List.of("activity-standard-example-annotated.xml", "fcdo-activity.xml",
			"unops-at-activity.xml", "usaid-activity.xml", "worldbank-activity.xml");
	private static final Pattern ACTIVITY = Pattern.compile("<iati-activity[\\s>].*?</iati-activity>", Pattern.DOTALL);
	private static final Pattern IDENTIFIER = Pattern.compile("<iati-identifier>\\s*([^<]*?)\\s*</iati-identifier>");

	private IatiImportBench() {
	}

	/** The example activities, each as the text of its element. */
	static List<String> exampleActivities() {
		List<String> activities = new ArrayList<>();
		for (String name : EXAMPLES) {
			try (InputStream in = IatiImportBench.class.getResourceAsStream("/iati/examples/" + name)) {
				Matcher m = ACTIVITY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (m.find()) {
					activities.add(m.group());
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return activities;
	}

	/**
	 * Writes an {@code iati-activities} file of at least {@code bytes} bytes: the example activities over and over,
	 * each with the identifier {@code B<n>-<its own>}; the number of activities written.
	 */
	static long buildFile(Path file, long bytes) throws IOException {
		List<String> activities = exampleActivities();
		long written = 0;
		long count = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n";
			out.write(head);
			written += head.length();
			while (written < bytes) {
				String activity = activities.get((int) (count % activities.size()));
				long n = count;
				String renamed = IDENTIFIER.matcher(activity).replaceFirst(m ->
						Matcher.quoteReplacement("<iati-identifier>B" + n + "-" + m.group(1) + "</iati-identifier>"));
				out.write(renamed);
				out.write('\n');
				written += renamed.getBytes(StandardCharsets.UTF_8).length + 1;
				count++;
			}
			out.write("</iati-activities>\n");
		}
		return count;
	}

	/** The parse-only ceiling: activities per second through the importer's reader. */
	static Map<String, Object> parseOnly(Path file) throws Exception {
		long t0 = System.nanoTime();
		long activities;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			activities = IatiParseOnly.activities(in);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("activities", activities);
		out.put("seconds", seconds);
		out.put("activities_per_s", activities / seconds);
		out.put("mb_per_s", Files.size(file) / 1e6 / seconds);
		return out;
	}

	/** The import through the application's importer (the same use case as {@code POST /api/import/iati}). */
	static Map<String, Object> importFile(ConfigurableApplicationContext ctx, Path file) {
		IatiImporter importer = ctx.getBean(IatiImporter.class);
		long t0 = System.nanoTime();
		ImportReport report;
		try {
			report = importer.importFile(() -> Files.newInputStream(file), file.getFileName().toString(),
					AuditContext.system("iati-bench"), Files.size(file), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("activities", report.activitiesRead());
		out.put("imported", report.imported());
		out.put("skipped", report.skipped().size());
		out.put("events", report.eventsAppended());
		out.put("seconds", seconds);
		out.put("activities_per_s", report.activitiesRead() / seconds);
		out.put("events_per_s", report.eventsAppended() / seconds);
		return out;
	}
}
