package org.pipelinetracker.iati;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The inner map of the IATI module: import and export share only {@code iati.conventions}, which knows nothing
 * but the published language of the project; the import writes through the application layer, never the web.
 */
@AnalyzeClasses(packages = "org.pipelinetracker.iati", importOptions = ImportOption.DoNotIncludeTests.class)
class IatiArchitectureTest {

	@ArchTest
	static final ArchRule importAndExportShareOnlyTheConventions = noClasses()
			.that().resideInAPackage("org.pipelinetracker.iati.imports..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.iati.export..");

	@ArchTest
	static final ArchRule exportKnowsNothingOfTheImport = noClasses()
			.that().resideInAPackage("org.pipelinetracker.iati.export..")
			.should().dependOnClassesThat().resideInAPackage("org.pipelinetracker.iati.imports..");

	@ArchTest
	static final ArchRule conventionsKnowOnlyTheProjectApi = noClasses()
			.that().resideInAPackage("org.pipelinetracker.iati.conventions..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.iati.imports..",
					"org.pipelinetracker.iati.export..", "org.pipelinetracker.project.app..",
					"org.pipelinetracker.project.query..", "org.pipelinetracker.project.web..",
					"org.pipelinetracker.project.command..", "org.pipelinetracker.reference..");

	@ArchTest
	static final ArchRule theImportWritesThroughTheApplicationLayerNotTheWeb = noClasses()
			.that().resideInAPackage("org.pipelinetracker.iati..")
			.should().dependOnClassesThat().resideInAnyPackage("org.pipelinetracker.project.web..",
					"org.pipelinetracker.project.command..");
}
