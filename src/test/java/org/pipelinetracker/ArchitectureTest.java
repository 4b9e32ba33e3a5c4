package org.pipelinetracker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/architecture/module-map.md that Spring Modulith does not state. Which module may use which (and which of
 * its sub-packages) is declared in each module's {@code package-info.java} and verified by {@link ModularityTest}
 * (cycles too); here: the layers inside a module ({@code api}, {@code app}, {@code command}, {@code query},
 * {@code web}), who may depend on audit, security and the web UI (the application class in the root package belongs
 * to no module, so Modulith does not check it), and naming.
 */
@AnalyzeClasses(packages = "org.pipelinetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule projectApiIsThePublishedLanguageAndDependsOnNothingOfOurs = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.api..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.app..",
					"org.pipelinetracker.project.command..", "org.pipelinetracker.project.query..",
					"org.pipelinetracker.project.web..", "org.pipelinetracker.demo..", "org.pipelinetracker.reference..",
					"org.pipelinetracker.messaging..", "org.pipelinetracker.storage..", "org.pipelinetracker.http..");

	@ArchTest
	static final ArchRule theAggregateIsReachedOnlyThroughCommands = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.project.command..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.project.command..");

	@ArchTest
	static final ArchRule theAggregateKnowsOnlyTheApi = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.command..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.app..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..", "org.pipelinetracker.demo..",
					"org.pipelinetracker.reference..");

	@ArchTest
	static final ArchRule readModelsKnowNeitherTheUseCasesNorTheWeb = noClasses()
			.that().resideInAPackage("org.pipelinetracker.project.query..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.app..",
					"org.pipelinetracker.project.web..", "org.pipelinetracker.demo..");

	@ArchTest
	static final ArchRule useCasesDoNotKnowTheWeb = noClasses()
			.that().resideInAnyPackage("org.pipelinetracker.project.app..", "org.pipelinetracker.facility.app..",
					"org.pipelinetracker.period.app..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.web..",
					"org.pipelinetracker.facility.web..", "org.pipelinetracker.period.web..");

	@ArchTest
	static final ArchRule facilityApiIsItsPublishedLanguage = noClasses()
			.that().resideInAPackage("org.pipelinetracker.facility.api..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.facility.app..",
					"org.pipelinetracker.facility.command..", "org.pipelinetracker.facility.query..",
					"org.pipelinetracker.facility.web..");

	@ArchTest
	static final ArchRule theFacilityIsReachedOnlyThroughCommands = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.facility.command..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.facility.command..");

	@ArchTest
	static final ArchRule periodApiIsItsPublishedLanguage = noClasses()
			.that().resideInAPackage("org.pipelinetracker.period.api..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.period.app..",
					"org.pipelinetracker.period.command..", "org.pipelinetracker.period.query..",
					"org.pipelinetracker.period.web..");

	@ArchTest
	static final ArchRule theReportingPeriodIsReachedOnlyThroughCommands = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.period.command..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.period.command..");

	@ArchTest
	static final ArchRule nothingDependsOnAudit = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.audit..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.audit..");

	/** Modules get the actor from {@code java.security.Principal}; only the entry point (hash-password) uses security. */
	@ArchTest
	static final ArchRule nothingButTheEntryPointDependsOnSecurity = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.security..")
			.and().doNotHaveFullyQualifiedName("org.pipelinetracker.PipelineTrackerApplication")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.security..");

	@ArchTest
	static final ArchRule nothingDependsOnTheWebUi = noClasses()
			.that().resideOutsideOfPackage("org.pipelinetracker.ui..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.ui..");

	@ArchTest
	static final ArchRule projectionsUseKebabCaseProcessingGroups = classes()
			.that().areAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
			.should().haveSimpleNameEndingWith("Projection");

	/** A rule without {@code @ArchTest} is never checked, and nothing would say so: this does. */
	@ArchTest
	static void everyRuleOfThisClassRuns(JavaClasses classes) {
		assertThat(rulesThatDoNotRun(GuardSample.class)).containsExactly("forgotten");
		assertThat(rulesThatDoNotRun(ArchitectureTest.class)).as("ArchRule fields without @ArchTest").isEmpty();
	}

	/** What the guard must find: one rule that runs, one that was forgotten. */
	private static final class GuardSample {
		@ArchTest
		static final ArchRule annotated = classes().should().bePublic();
		static final ArchRule forgotten = classes().should().bePublic();
	}

	/** The static {@link ArchRule} fields of a class that lack {@code @ArchTest}. */
	static List<String> rulesThatDoNotRun(Class<?> type) {
		return Arrays.stream(type.getDeclaredFields())
				.filter(field -> Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType()))
				.filter(field -> !field.isAnnotationPresent(ArchTest.class))
				.map(Field::getName)
				.toList();
	}
}
