package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.AuditContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line: {@code java -jar pipeline-tracker.jar import --iati FILE [--actor NAME]} imports the file through
 * the same importer as the API, prints the JSON report and stops the application (exit code 0, or 1 when the file
 * could not be imported at all). Without {@code import} among the arguments it does nothing.
 */
@Component
@Order(Integer.MAX_VALUE)
class IatiImportRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IatiImportRunner.class);
	static final String ACTOR = "iati-import";

	private final IatiImporter importer;
	private final JsonMapper json;
	private final ConfigurableApplicationContext context;

	IatiImportRunner(IatiImporter importer, JsonMapper json, ConfigurableApplicationContext context) {
		this.importer = importer;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		List<String> plain = args.getNonOptionArgs();
		if (plain.isEmpty() || !plain.get(0).equals("import")) {
			return;
		}
		List<String> files = args.getOptionValues("iati");
		// "--iati FILE" (with a space) leaves FILE as a plain argument after "import"
		String file = files != null && !files.isEmpty() && !files.get(0).isBlank() ? files.get(0)
				: plain.size() > 1 ? plain.get(1) : null;
		List<String> actors = args.getOptionValues("actor");
		String actor = actors == null || actors.isEmpty() ? ACTOR : actors.get(0);
		int exit = 0;
		if (file == null) {
			System.err.println("usage: java -jar pipeline-tracker.jar import --iati FILE [--actor NAME]");
			exit = 2;
		}
		else {
			Path path = Path.of(file);
			try {
				ImportReport report = importer.importFile(() -> Files.newInputStream(path), path.getFileName().toString(),
						AuditContext.system(actor), Files.size(path), 0);
				System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
			}
			catch (Exception e) {
				log.error("IATI import of {} failed: {}", file, e.getMessage());
				System.err.println("IATI import of " + file + " failed: " + e.getMessage());
				exit = 1;
			}
		}
		int code = exit;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
	}
}
