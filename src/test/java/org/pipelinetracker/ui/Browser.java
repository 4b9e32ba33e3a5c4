package org.pipelinetracker.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: both paths are set, so Selenium Manager never
 * downloads a browser or a driver. Without them the tests fail (never skip): install {@code chromium} and
 * {@code chromium-driver} (CI's {@code .ci/run} does). Other paths: {@code -Dtracker.test.chromium=} and
 * {@code -Dtracker.test.chromedriver=}.
 */
final class Browser implements AutoCloseable {

	/**
	 * For {@code @RegisterExtension}: on a failed test, the page's address on stderr and a screenshot named
	 * {@code prefix + the test's name} (under target/screenshots), from the browser the class has open then.
	 */
	static TestWatcher screenshotOnFailure(String prefix, Supplier<Browser> browser) {
		return new TestWatcher() {
			@Override
			public void testFailed(ExtensionContext context, Throwable cause) {
				Browser open = browser.get();
				if (open != null) {
					System.err.println("[web-ui] " + context.getDisplayName() + " failed at " + open.driver.getCurrentUrl());
					open.screenshot(prefix + context.getRequiredTestMethod().getName());
				}
			}
		};
	}

	static final String CHROMIUM = System.getProperty("tracker.test.chromium", "/usr/bin/chromium");
	static final String CHROMEDRIVER = System.getProperty("tracker.test.chromedriver", "/usr/bin/chromedriver");
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final WebDriver driver;
	final WebDriverWait wait;
	private final Path profile;
	private final String base;

	private Browser(WebDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		// live updates redraw parts of a page: an element found a moment ago may have been replaced
		wait.ignoring(StaleElementReferenceException.class);
	}

	/** A fresh browser (own temporary profile) for the app at {@code base}, e.g. {@code http://localhost:8080}. */
	static Browser open(String base) {
		return open(base, "en-US");
	}

	/**
	 * A fresh browser whose user interface language, and so its {@code Accept-Language}, is {@code language}
	 * (e.g. {@code ru}, {@code ko-KR}).
	 */
	static Browser open(String base, String language) {
		for (String path : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!new File(path).canExecute()) {
				throw new AssertionError(path + " is missing: the browser tests need Debian's Chromium "
						+ "(apt-get install -y chromium chromium-driver)");
			}
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("tracker-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,900", "--lang=" + language, "--user-data-dir=" + profile.toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				profile.resolve("downloads").toAbsolutePath().toString(), "download.prompt_for_download", false,
				"intl.accept_languages", language));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
		return new Browser(new ChromeDriver(service, options), profile, base);
	}

	/** Opens a path of the app, e.g. {@code /#/board}. */
	Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	/**
	 * Signs in when the app asks for it: opens {@code /} and, only if the browser lands on {@code /login}, fills the
	 * form login's {@code username} and {@code password} and submits it. Works with and without security.
	 */
	Browser login(String user, String password) {
		go("/");
		wait.until(d -> d.getCurrentUrl().contains("/login") || !d.findElements(By.cssSelector("main h1")).isEmpty());
		if (driver.getCurrentUrl().contains("/login")) {
			driver.findElement(By.name("username")).sendKeys(user);
			driver.findElement(By.name("password")).sendKeys(password);
			WebElement form = driver.findElement(By.name("username")).findElement(By.xpath("./ancestor::form"));
			form.submit();
			wait.until(d -> !d.getCurrentUrl().contains("/login"));
		}
		return this;
	}

	WebElement find(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** The text of the element once it is shown, read again if a live update replaced it meanwhile. */
	String text(String css) {
		return wait.until(d -> {
			WebElement element = d.findElement(By.cssSelector(css));
			return element.isDisplayed() ? element.getText() : null;
		});
	}

	/** An attribute of the element, read again if a live update replaced it meanwhile. */
	String attribute(String css, String name) {
		return wait.until(d -> String.valueOf(d.findElement(By.cssSelector(css)).getAttribute(name)));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves a screenshot of the whole page (not just the window) as target/screenshots/{name}.png ({name} may hold a folder). */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS.resolve(name + ".png").getParent());
			Object height = js("return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));");
			Dimension before = driver.manage().window().getSize();
			int full = Math.min(6000, Math.max(before.getHeight(), ((Number) height).intValue() + 140));
			driver.manage().window().setSize(new Dimension(before.getWidth(), full));
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			driver.manage().window().setSize(before);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Saves what the window shows (no scrolling) as target/screenshots/{name}.png ({name} may hold a folder). */
	Path screenshotViewport(String name) {
		try {
			Files.createDirectories(SCREENSHOTS.resolve(name + ".png").getParent());
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text of a file the browser downloaded (a link clicked), once it is complete. */
	String downloaded(String fileName) {
		Path file = profile.resolve("downloads").resolve(fileName);
		wait.until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload")));
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The bytes of a file the browser downloaded (a link clicked), once it is complete. */
	byte[] downloadedBytes(String fileName) {
		Path file = profile.resolve("downloads").resolve(fileName);
		wait.until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload")));
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Console messages at SEVERE (script errors, CSP violations, failed requests). */
	List<String> severeConsoleMessages() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ignored) {
				// a temporary directory left behind is harmless
			}
		}
	}
}
