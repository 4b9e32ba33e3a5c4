/**
 * Spreadsheets (module {@code sheets}): every table as an XLSX workbook written with Apache POI's streaming
 * {@code SXSSFWorkbook} (only a window of rows in memory, so a sheet of any length), and the one rule against formula
 * injection that the CSV and XLSX exports share ({@link org.pipelinetracker.sheets.CellText}).
 * <p>
 * {@link org.pipelinetracker.sheets.Workbooks} makes a workbook in the caller's language: each sheet starts with a
 * title row (what the sheet is, and "as of / as known at" when those were asked), then a frozen header row with an
 * autofilter; amounts are numeric cells formatted per currency (no decimals for UZS and KRW), dates are date cells
 * shown as ISO dates, text is stored as text, never as a formula. The portfolio tables of {@code pipeline}
 * (pipeline, funding series, milestones, alerts) are exported here ({@code /api/export/*.xlsx}); the project exports
 * ({@code iati.export}) and one project's statement use the same writer.
 */
@ApplicationModule(displayName = "Spreadsheets", allowedDependencies = {"kernel", "i18n", "fx", "reference", "pipeline", "project :: api", "project :: query"})
package org.pipelinetracker.sheets;

import org.springframework.modulith.ApplicationModule;
