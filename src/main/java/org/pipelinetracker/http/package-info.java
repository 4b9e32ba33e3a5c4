/**
 * The API's HTTP conventions: every RFC 9457 problem built in one place ({@link org.pipelinetracker.http.Problems}:
 * the problem kinds with their type and the catalogue keys of their title and detail, and the body, for exception
 * handlers and servlet filters alike, written in the caller's language), the handler that turns any other error into
 * a problem, Bean Validation's messages from the catalogue, JSON as the API reads and writes it, and the ranges of
 * dates in query parameters. Internal, below: body limits and Idempotency-Key ({@code reliability}).
 * <p>
 * A module of the shared infrastructure: every module may use this package (security too, for its refusals); it
 * knows the kernel and the languages ({@code i18n}: the catalogue and the choice of a language).
 */
@ApplicationModule(displayName = "HTTP conventions", allowedDependencies = {"kernel", "i18n"})
package org.pipelinetracker.http;

import org.springframework.modulith.ApplicationModule;
