/**
 * Export of the pipeline: {@code GET /api/export/iati} (an IATI 2.03 iati-activities document, written with StAX),
 * {@code GET /api/export/projects.csv} and {@code GET /api/export/transactions.csv} (RFC 4180, UTF-8). Built on
 * the public queries of {@code project.query} and on {@code fx}; every export can be cut with {@code asOf} and
 * {@code knownAt}.
 */
package org.pipelinetracker.iati.export;
