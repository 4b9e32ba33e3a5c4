package org.pipelinetracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map, verified by Spring Modulith: every top-level package is a module ({@code package-info.java} with
 * {@code @ApplicationModule}); a module uses only the modules its {@code allowedDependencies} name, and of those only
 * the base package or a {@code @NamedInterface}; no cycles.
 * <p>
 * The documentation of the modules ({@code docs/modules}: the C4 component diagram of all modules, one diagram and
 * one canvas per module, and the document that gathers them) is written from the code and committed. This test
 * writes it again under target/ and fails when the committed one differs; to write it again, run
 * {@code ./mvnw test -Dtest=ModularityTest -Dtracker.modules.write-docs=true} and commit the result.
 */
class ModularityTest {

	static final String WRITE_DOCS = "tracker.modules.write-docs";
	static final Path COMMITTED = Path.of("docs", "modules");

	static final ApplicationModules MODULES = ApplicationModules.of(PipelineTrackerApplication.class);

	@Test
	void everyModuleUsesOnlyWhatItMayAndNoCycleExists() {
		MODULES.verify();
	}

	@Test
	void theCommittedModuleDocumentationIsUpToDate() {
		if (Boolean.getBoolean(WRITE_DOCS)) {
			document(COMMITTED);
			return;
		}
		Path written = Path.of("target", "modules-docs");
		document(written);
		Map<String, String> expected = read(written);
		Map<String, String> committed = read(COMMITTED);
		List<String> stale = new ArrayList<>();
		expected.forEach((file, text) -> {
			if (!text.equals(committed.get(file))) {
				stale.add(committed.containsKey(file) ? file + " (changed)" : file + " (missing)");
			}
		});
		committed.keySet().stream().filter(file -> !expected.containsKey(file)).forEach(file -> stale.add(file + " (gone)"));
		assertThat(stale).as("docs/modules is stale: run ./mvnw test -Dtest=ModularityTest -D" + WRITE_DOCS
				+ "=true and commit docs/modules").isEmpty();
	}

	/**
	 * Writes the diagrams (C4), the canvases and the document gathering them into a folder emptied first. Not
	 * {@code writeDocumentation()}: that also writes the modules' metadata into target/classes, which would end up in
	 * the jar.
	 */
	private static void document(Path folder) {
		delete(folder);
		Documenter.DiagramOptions diagrams = Documenter.DiagramOptions.defaults()
				.withStyle(Documenter.DiagramOptions.DiagramStyle.C4);
		Documenter.CanvasOptions canvases = Documenter.CanvasOptions.defaults();
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
				.writeModulesAsPlantUml(diagrams)
				.writeIndividualModulesAsPlantUml(diagrams)
				.writeModuleCanvases(canvases)
				.writeAggregatingDocument(diagrams, canvases);
		sortRelationships(folder);
	}

	/**
	 * The Documenter lists a diagram's relationships in no fixed order (it changes with the order classes were
	 * loaded in): each run of {@code Rel(...)} lines is sorted, so the same code gives the same files.
	 */
	private static void sortRelationships(Path folder) {
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path diagram : paths.filter(p -> p.toString().endsWith(".puml")).toList()) {
				List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
				for (int start = 0; start < lines.size(); start++) {
					int end = start;
					while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
						end++;
					}
					if (end > start) {
						lines.subList(start, end).sort(Comparator.naturalOrder());
						start = end;
					}
				}
				Files.write(diagram, lines);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every file below the folder by its relative path, with its text (line ends as LF). */
	private static Map<String, String> read(Path folder) {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(path).toString().replace('\\', '/'),
						Files.readString(path).replace("\r\n", "\n"));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files;
	}
}
