package org.pipelinetracker.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar pipeline-tracker.jar hash-password}: reads a password (from the terminal without echo, or the
 * first line of standard input) and prints its BCrypt hash (cost 10) for {@code tracker.security.users[n].password-hash}.
 * Runs before Spring starts, so it needs no database. The password is never taken from the command line, where it
 * would stay in the shell's history.
 */
public final class PasswordHashCommand {

	public static final String NAME = "hash-password";
	static final int MIN_LENGTH = 8;

	private PasswordHashCommand() {
	}

	/** Runs the command; returns the process exit code (0 done, 2 no or too short a password). */
	public static int run(Console console, InputStream in, PrintStream out, PrintStream err) {
		String password;
		if (console != null) {
			char[] typed = console.readPassword("Password: ");
			password = typed == null ? null : new String(typed);
		}
		else {
			try {
				password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			}
			catch (IOException e) {
				password = null;
			}
		}
		if (password == null || password.length() < MIN_LENGTH) {
			err.println("usage: java -jar pipeline-tracker.jar " + NAME + " (then type the password, at least "
					+ MIN_LENGTH + " characters, or pipe it in on one line)");
			return 2;
		}
		out.println(new BCryptPasswordEncoder(10).encode(password));
		return 0;
	}
}
