/**
 * The API's HTTP conventions: every RFC 9457 problem built in one place ({@link org.pipelinetracker.http.Problems}:
 * the problem kinds with their type, title and wording, and the body, for exception handlers and servlet filters
 * alike), the handler that turns any other error into a problem, JSON as the API reads and writes it, and the ranges
 * of dates in query parameters. Internal, below: body limits and Idempotency-Key ({@code reliability}).
 * <p>
 * A module of the shared infrastructure: every module may use this package (security too, for its refusals); it
 * knows only the kernel.
 */
@ApplicationModule(displayName = "HTTP conventions", allowedDependencies = {"kernel"})
package org.pipelinetracker.http;

import org.springframework.modulith.ApplicationModule;
