package org.pipelinetracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on: machine, JVM and the commit. */
final class Environment {

	private Environment() {
	}

	static Map<String, Object> machine() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
		m.put("cpus", Runtime.getRuntime().availableProcessors());
		m.put("cpu_model", firstLine("/proc/cpuinfo", "model name"));
		m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
		m.put("hostname", hostname());
		m.put("load_average_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return m;
	}

	static Map<String, Object> jvm() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		m.put("flags", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
				.filter(a -> !a.startsWith("-Dbench.") && !a.contains("surefire")).toList());
		// Surefire switches assertions on through the class loader, not a flag: the libraries share this class's loader
		m.put("assertions", Environment.class.desiredAssertionStatus());
		m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
		return m;
	}

	static String gitCommit() {
		String head = run("git", "rev-parse", "HEAD");
		if (head == null) {
			return "unknown";
		}
		String status = run("git", "status", "--porcelain", "--untracked-files=no");
		return status == null || status.isBlank() ? head : head + " (with uncommitted changes)";
	}

	private static String run(String... command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
				return null;
			}
			return out;
		}
		catch (IOException | InterruptedException e) {
			return null;
		}
	}

	private static String hostname() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static String firstLine(String file, String prefix) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
			return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
					.map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
		}
		catch (IOException e) {
			return "unknown";
		}
	}
}
