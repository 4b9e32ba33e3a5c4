package org.pipelinetracker.i18n;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The languages module stands on Spring and the shared kernel only (the HTTP layer uses it for the problems' language,
 * so it cannot use that layer), and only the web layers (pages, controllers, problem responses, the sign-in page) use
 * it, and the spreadsheets, whose titles and headers are written in the reader's language like a page's, and the
 * notifications, written to each reader (in the bell and by e-mail) in their language, and the quarterly reporting
 * workbooks and their row-by-row refusals, written in the language of the partner who fills them in: the domain
 * knows no language; it says what is wrong with a kernel {@code Text}, which the web writes.
 */
@AnalyzeClasses(packages = "org.pipelinetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class I18nModuleTest {

	@ArchTest
	static final ArchRule dependsOnNoOtherModule = classes().that().resideInAPackage("org.pipelinetracker.i18n..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("org.pipelinetracker.i18n..",
					"org.pipelinetracker.kernel..", "java..", "javax..", "jakarta..",
					"org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "org.slf4j..");

	@ArchTest
	static final ArchRule usedOnlyByTheWebLayers = noClasses()
			.that().resideOutsideOfPackages("org.pipelinetracker.i18n..", "org.pipelinetracker.ui..",
					"org.pipelinetracker.http..", "org.pipelinetracker.security..", "org.pipelinetracker..web..",
					"org.pipelinetracker.sheets..", "org.pipelinetracker.notification..",
					"org.pipelinetracker.reporting..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.i18n..");
}
