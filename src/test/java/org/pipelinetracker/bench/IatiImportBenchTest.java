package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IATI import phase's file, small and without Spring, so the benchmark's generator and parse-only ceiling cannot
 * rot while the 100 MB phase runs only under {@code ./mvnw -Pbench verify}: the file has the size asked for, every
 * example activity over and over with a new identifier, and the importer's reader reads every one of them.
 */
class IatiImportBenchTest {

	@Test
	void buildsAFileOfTheSizeAskedForThatTheImportersReaderReadsWhole(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("iati-2mb.xml");
		long activities = IatiImportBench.buildFile(file, 2_000_000);
		assertThat(Files.size(file)).isBetween(2_000_000L, 2_300_000L);
		assertThat(activities).isGreaterThan(IatiImportBench.exampleActivities().size());
		String text = Files.readString(file);
		assertThat(text).contains("<iati-identifier>B0-AA-AAA-123456789-ABC123</iati-identifier>",
				"<iati-identifier>B7-AA-AAA-123456789-ABC123</iati-identifier>");
		Map<String, Object> parsed = IatiImportBench.parseOnly(file);
		assertThat(parsed.get("activities")).isEqualTo(activities);
		assertThat((double) parsed.get("activities_per_s")).isPositive();
	}
}
