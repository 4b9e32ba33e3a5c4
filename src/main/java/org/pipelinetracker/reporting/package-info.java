/**
 * The quarterly reporting round trip (module {@code reporting}): a funder's (or one project's) fundings as an XLSX
 * template for a fiscal quarter, pre-filled with what the tracker knows (committed, disbursed to date) and with input
 * columns for the quarter's disbursements, the planned disbursements of the next four quarters, the next milestone
 * and a comment; the filled workbook uploaded back is validated row by row and recorded through the project's use
 * cases in one transaction, or not at all; and the reporting status of each quarter (who reported, on time, late or
 * not at all) told from the uploads kept.
 */
@ApplicationModule(displayName = "Quarterly reporting", allowedDependencies = {"kernel", "i18n", "http", "sheets",
		"project :: api", "project :: app", "project :: query"})
package org.pipelinetracker.reporting;

import org.springframework.modulith.ApplicationModule;
