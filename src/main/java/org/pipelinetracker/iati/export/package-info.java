/**
 * Export of the pipeline: {@code GET /api/export/iati} (an IATI 2.03 iati-activities document, written with StAX),
 * {@code GET /api/export/projects.csv} and {@code GET /api/export/transactions.csv} (RFC 4180, UTF-8). Built on
 * the public queries of {@code project.query} and on {@code fx}; every export can be cut with {@code asOf} and
 * {@code knownAt}. The project's own IATI conventions (identifiers, {@code pt:} attributes, codes) come from
 * {@code iati.conventions}, the same the import reads with.
 */
package org.pipelinetracker.iati.export;
