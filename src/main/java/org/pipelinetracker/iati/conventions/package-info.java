/**
 * This application's own IATI conventions, used by both {@code iati.imports} and {@code iati.export}: who
 * publishes and the {@code <reporting-org ref>-<projectId>} identifier rule ({@link
 * org.pipelinetracker.iati.conventions.ReportingOrg}), the {@code pt:} extension attributes ({@link
 * org.pipelinetracker.iati.conventions.Extension}), the transaction type codes of each money movement, how
 * agreements travel as document links, which codes stand for which funding source, the recipient country and
 * region fallbacks, and the language of the narratives. A convention changed here changes the export and what
 * the import reads back alike. Depends on {@code project.api} only.
 */
package org.pipelinetracker.iati.conventions;
