package org.pipelinetracker.ui;

import org.openqa.selenium.By;

/**
 * Not a test: screenshots of a running app (e.g. with the demo data) for a person to look at.
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.pipelinetracker.ui.DemoScreenshots http://localhost:8080 PROJECT_ID}
 * writes target/screenshots/demo-*.png.
 */
final class DemoScreenshots {

	private DemoScreenshots() {
	}

	public static void main(String[] args) {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		String project = args.length > 1 ? args[1] : "KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS";
		try (Browser browser = Browser.open(base)) {
			browser.login("admin", "admin-demo");
			browser.go("/#/board").find(".card");
			browser.screenshot("demo-board");
			browser.go("/#/funding").find("#funding-table table");
			browser.wait.until(d -> d.findElements(By.cssSelector(".facility")).size() > 0);
			browser.screenshot("demo-funding");
			browser.go("/#/projects/" + project).find("#project-title");
			browser.find("#history-heading");
			browser.screenshot("demo-project");
			browser.go("/#/audit").find("#replay");
			browser.screenshot("demo-audit");
			browser.go("/#/projects/new").find("#propose");
			browser.screenshot("demo-propose");
			browser.resize(375, 800);
			browser.go("/#/board").find(".card");
			browser.screenshot("demo-board-375");
			browser.screenshotViewport("demo-board-375-top");
			browser.go("/#/projects/" + project).find("#project-title");
			browser.find("#history-heading");
			browser.screenshot("demo-project-375");
			browser.screenshotViewport("demo-project-375-top");
			browser.js("window.scrollTo(0, document.getElementById('history-heading').offsetTop)");
			browser.screenshotViewport("demo-project-375-history");
			System.out.println("console: " + browser.severeConsoleMessages());
		}
	}
}
