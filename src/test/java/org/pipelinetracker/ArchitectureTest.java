package org.pipelinetracker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module map of docs/architecture.md, enforced: a module reaching into another fails the build.
 */
@AnalyzeClasses(packages = "org.pipelinetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule topLevelModulesHaveNoCycles = slices().matching("org.pipelinetracker.(*)..")
			.should().beFreeOfCycles();

	@ArchTest
	static final ArchRule projectApiIsThePublishedLanguageAndDependsOnNothingOfOurs = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.api..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.command..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..", "org.pipelinetracker.demo..",
					"org.pipelinetracker.reference..", "org.pipelinetracker.messaging..", "org.pipelinetracker.storage..",
					"org.pipelinetracker.http..");

	@ArchTest
	static final ArchRule theAggregateIsReachedOnlyThroughCommands = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.project.command..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.project.command..");

	@ArchTest
	static final ArchRule theAggregateKnowsOnlyTheApi = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.command..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.query..",
					"org.pipelinetracker.project.web..", "org.pipelinetracker.demo..", "org.pipelinetracker.reference..");

	@ArchTest
	static final ArchRule readModelsDoNotKnowTheWeb = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.query..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.web..",
					"org.pipelinetracker.demo..");

	@ArchTest
	static final ArchRule referenceDataStandsAlone = noClasses()
			.that().resideInAPackage("org.pipelinetracker.reference..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project..",
					"org.pipelinetracker.demo..", "org.pipelinetracker.facility..", "org.pipelinetracker.pipeline..");

	@ArchTest
	static final ArchRule infrastructureIsForEveryoneAndKnowsNoModule = noClasses()
			.that().resideInAnyPackage("org.pipelinetracker.kernel..", "org.pipelinetracker.messaging..",
					"org.pipelinetracker.storage..", "org.pipelinetracker.http..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project..",
					"org.pipelinetracker.demo..", "org.pipelinetracker.reference..");

	@ArchTest
	static final ArchRule demoDataUsesOnlyThePublicWritePath = noClasses()
			.that().resideInAPackage("org.pipelinetracker.demo..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.query..",
					"org.pipelinetracker.project.command..");

	@ArchTest
	static final ArchRule facilitiesKnowOnlyTheProjectApi = noClasses()
			.that().resideInAPackage("org.pipelinetracker.facility..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.command..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..", "org.pipelinetracker.demo..",
					"org.pipelinetracker.pipeline..");

	@ArchTest
	static final ArchRule projectKnowsFacilitiesOnlyThroughItsPort = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.facility..");

	@ArchTest
	static final ArchRule exchangeRatesStandAlone = noClasses()
			.that().resideInAPackage("org.pipelinetracker.fx..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project..",
					"org.pipelinetracker.facility..", "org.pipelinetracker.pipeline..", "org.pipelinetracker.demo..");

	@ArchTest
	static final ArchRule readModelsOfThePortfolioUseOnlyEvents = noClasses()
			.that().resideInAPackage("org.pipelinetracker.pipeline..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.command..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..", "org.pipelinetracker.facility..");

	@ArchTest
	static final ArchRule auditReadsOnlyPublishedLanguagesAndInfrastructure = noClasses()
			.that().resideInAPackage("org.pipelinetracker.audit..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.command..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..",
					"org.pipelinetracker.facility.command..", "org.pipelinetracker.facility.query..",
					"org.pipelinetracker.facility.web..", "org.pipelinetracker.pipeline..", "org.pipelinetracker.demo..");

	@ArchTest
	static final ArchRule nothingDependsOnAudit = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.audit..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.audit..");

	/** Security answers its refusals with the API's problems (package {@code http}, not its reliability filters). */
	@ArchTest
	static final ArchRule securityKnowsNoModuleButTheApiProblems = noClasses()
			.that().resideInAPackage("org.pipelinetracker.security..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project..",
					"org.pipelinetracker.facility..", "org.pipelinetracker.pipeline..", "org.pipelinetracker.audit..",
					"org.pipelinetracker.iati..", "org.pipelinetracker.demo..", "org.pipelinetracker.fx..",
					"org.pipelinetracker.reference..", "org.pipelinetracker.kernel..", "org.pipelinetracker.messaging..",
					"org.pipelinetracker.storage..", "org.pipelinetracker.http.reliability..", "org.pipelinetracker.ui..");

	/** Modules get the actor from {@code java.security.Principal}; only the entry point (hash-password) uses security. */
	@ArchTest
	static final ArchRule nothingButTheEntryPointDependsOnSecurity = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.security..")
			.and().doNotHaveFullyQualifiedName("org.pipelinetracker.PipelineTrackerApplication")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.security..");

	@ArchTest
	static final ArchRule theWebUiTalksToTheApiNotToTheModules = noClasses()
			.that().resideInAPackage("org.pipelinetracker.ui..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project..",
					"org.pipelinetracker.facility..", "org.pipelinetracker.pipeline..", "org.pipelinetracker.audit..",
					"org.pipelinetracker.iati..", "org.pipelinetracker.fx..", "org.pipelinetracker.demo..");

	@ArchTest
	static final ArchRule nothingDependsOnTheWebUi = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.ui..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.ui..");

	@ArchTest
	static final ArchRule projectionsUseKebabCaseProcessingGroups = classes()
			.that().areAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
			.should().haveSimpleNameEndingWith("Projection");
}
