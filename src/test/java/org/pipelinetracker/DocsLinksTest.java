package org.pipelinetracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and docs/ stay navigable: every relative link or image in a Markdown file points to a file that exists
 * (relative to the linking file), every {@code #anchor} matches a heading of its target (GitHub's slugs), and the
 * README stays short enough to read in a few minutes. Links to http(s) and mailto are not followed. docs/modules/ is
 * generated and not checked.
 */
class DocsLinksTest {

	static final long README_MAX_BYTES = 15_360;

	private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
	private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
	private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
	private static final Pattern INLINE_LINK = Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
	private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
	private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
	private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?|mailto):.*");

	private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

	@Test
	void everyRelativeLinkPointsToAFileThatExists() {
		List<String> broken = new ArrayList<>();
		for (Link link : allLinks()) {
			if (!Files.exists(link.resolvedPath())) {
				broken.add(link + ": no file " + ROOT.relativize(link.resolvedPath()));
			}
		}
		assertThat(broken).as("links to missing files").isEmpty();
	}

	@Test
	void everyAnchorMatchesAHeadingOfItsTarget() {
		List<String> broken = new ArrayList<>();
		for (Link link : allLinks()) {
			if (link.anchor().isEmpty() || !Files.isRegularFile(link.resolvedPath())) {
				continue;
			}
			if (!link.resolvedPath().toString().endsWith(".md")) {
				broken.add(link + ": an anchor into a file that is not Markdown");
			}
			else if (!anchorsOf(link.resolvedPath()).contains(link.anchor())) {
				broken.add(link + ": no heading with anchor #" + link.anchor() + " in "
						+ ROOT.relativize(link.resolvedPath()));
			}
		}
		assertThat(broken).as("anchors without a heading").isEmpty();
	}

	@Test
	void readmeStaysWithinFifteenKilobytes() throws IOException {
		assertThat(Files.size(ROOT.resolve("README.md"))).as("README.md in bytes").isLessThanOrEqualTo(README_MAX_BYTES);
	}

	@Test
	void anchorsFollowGitHubsSlugRules() {
		assertThat(slug("Time travel at scale")).isEqualTo("time-travel-at-scale");
		assertThat(slug("`FundViaEximbankCommand`")).isEqualTo("fundviaeximbankcommand");
		assertThat(slug("History (`audit.history`)")).isEqualTo("history-audithistory");
		assertThat(slug("Third round: batch window, larger processor batches"))
				.isEqualTo("third-round-batch-window-larger-processor-batches");
		assertThat(slug("Targets now: met or missed, and why")).isEqualTo("targets-now-met-or-missed-and-why");
		assertThat(slug("See [the map](module-map.md) – **now**")).isEqualTo("see-the-map--now");
		assertThat(slug("snake_case and 2 spaces  here")).isEqualTo("snake_case-and-2-spaces--here");
	}

	@Test
	void linksInCodeAreNotLinks() {
		List<String> targets = linksIn(List.of("Run `[x](missing.md)` and see [api](api.md#errors).", "```",
				"[not](a-link.md)", "```", "[ref]: other.md", "![diagram](img/d.png \"title\")")).stream()
				.map(LinkText::target).toList();
		assertThat(targets).containsExactly("api.md#errors", "other.md", "img/d.png");
	}

	private List<Link> allLinks() {
		List<Link> links = new ArrayList<>();
		for (Path file : markdownFiles()) {
			for (LinkText text : linksIn(lines(file))) {
				String target = text.target();
				if (target.isEmpty() || EXTERNAL.matcher(target).matches()) {
					continue;
				}
				int hash = target.indexOf('#');
				String path = hash < 0 ? target : target.substring(0, hash);
				String anchor = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
				String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
				Path resolved = decoded.isEmpty() ? file
						: (decoded.startsWith("/") ? ROOT.resolve(decoded.substring(1)) : file.getParent().resolve(decoded))
								.normalize();
				links.add(new Link(file, text.line(), target, resolved, anchor));
			}
		}
		assertThat(links).as("links found in README.md and docs/").isNotEmpty();
		return links;
	}

	private static List<Path> markdownFiles() {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		Path docs = ROOT.resolve("docs");
		Path generated = docs.resolve("modules");
		try (Stream<Path> walk = Files.walk(docs)) {
			walk.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.startsWith(generated)).sorted()
					.forEach(files::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files;
	}

	/** The link targets of Markdown lines, outside fenced code blocks and inline code spans. */
	static List<LinkText> linksIn(List<String> lines) {
		List<LinkText> links = new ArrayList<>();
		String fence = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher f = FENCE.matcher(line);
			if (f.find()) {
				String marker = f.group(1);
				if (fence == null) {
					fence = marker;
				}
				else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
					fence = null;
				}
				continue;
			}
			if (fence != null) {
				continue;
			}
			String text = INLINE_CODE.matcher(line).replaceAll("");
			Matcher definition = REFERENCE_DEFINITION.matcher(text);
			if (definition.matches()) {
				links.add(new LinkText(i + 1, definition.group(1)));
				continue;
			}
			Matcher m = INLINE_LINK.matcher(text);
			while (m.find()) {
				links.add(new LinkText(i + 1, m.group(2)));
			}
		}
		return links;
	}

	private Set<String> anchorsOf(Path file) {
		return anchorsByFile.computeIfAbsent(file, f -> {
			Set<String> anchors = new LinkedHashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			String fence = null;
			for (String line : lines(f)) {
				Matcher fm = FENCE.matcher(line);
				if (fm.find()) {
					fence = fence == null ? fm.group(1) : null;
					continue;
				}
				if (fence != null) {
					continue;
				}
				Matcher html = HTML_ANCHOR.matcher(line);
				while (html.find()) {
					anchors.add(html.group(1));
				}
				Matcher h = HEADING.matcher(line);
				if (h.matches()) {
					String base = slug(h.group(2));
					int n = seen.merge(base, 1, Integer::sum) - 1;
					anchors.add(n == 0 ? base : base + "-" + n);
				}
			}
			return anchors;
		});
	}

	/** GitHub's heading anchor: the heading's text, lower-case, punctuation dropped, each space a hyphen. */
	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
		StringBuilder slug = new StringBuilder();
		for (int i = 0; i < text.length(); ) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			int type = Character.getType(c);
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK) {
				slug.appendCodePoint(Character.toLowerCase(c));
			}
			else if (c == ' ') {
				slug.append('-');
			}
		}
		return slug.toString().toLowerCase(Locale.ROOT);
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	record LinkText(int line, String target) {
	}

	record Link(Path file, int line, String target, Path resolvedPath, String anchor) {

		@Override
		public String toString() {
			return ROOT.relativize(file) + ":" + line + " (" + target + ")";
		}
	}
}
