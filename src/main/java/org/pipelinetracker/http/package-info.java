/**
 * HTTP errors and validation: every error answered as RFC 9457 {@code application/problem+json}, built in one place
 * ({@link org.pipelinetracker.http.Problems}), JSON as the API reads and writes it, and the ranges of dates in query
 * parameters. Below, {@code reliability}: body limits and Idempotency-Key.
 */
package org.pipelinetracker.http;
