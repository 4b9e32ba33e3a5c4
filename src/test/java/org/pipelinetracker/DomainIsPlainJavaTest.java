package org.pipelinetracker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The aggregates, their entities and their policies are plain Java: no Spring, no Jackson. Axon's own annotations
 * ({@code @Aggregate}, {@code @CommandHandler}, {@code @EventSourcingHandler}, {@code @DeadlineHandler}) are
 * allowed, as in AxonIQ's giftcard demo. What the frameworks need to know about them (properties, the JSON of
 * snapshots) is declared beside them in a class named {@code ...Configuration}, the only exception here.
 */
@AnalyzeClasses(packages = "org.pipelinetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsPlainJavaTest {

	@ArchTest
	static final ArchRule aggregatesEntitiesAndPoliciesKnowNeitherSpringNorJackson = noClasses()
			.that().resideInAnyPackage("org.pipelinetracker.project.command..", "org.pipelinetracker.facility.command..",
					"org.pipelinetracker.period.command..")
			.and().haveNameNotMatching(".*Configuration(\\$.*)?")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml.jackson..",
					"tools.jackson..")
			.because("the domain is plain Java; framework wiring lives in the module's *Configuration class");
}
