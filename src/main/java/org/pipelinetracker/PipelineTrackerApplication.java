package org.pipelinetracker;

import org.pipelinetracker.security.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point: an event-sourced tracker of Korea–Uzbekistan cooperation projects.
 */
@SpringBootApplication
public class PipelineTrackerApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(PasswordHashCommand.NAME)) {
			// "java -jar pipeline-tracker.jar hash-password": a BCrypt hash for tracker.security.users, no Spring
			System.exit(PasswordHashCommand.run(System.console(), System.in, System.out, System.err));
		}
		// This machine has no route to AxonIQ's update service; don't try (override with -D...=false).
		if (System.getProperty("axoniq.update-checker.disabled") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		SpringApplication.run(PipelineTrackerApplication.class, args);
	}
}
