/**
 * HTTP reliability: request body limits (413), Idempotency-Key (a keyed write and its stored answer are committed in
 * one database transaction), and the server-side retry of writes that lost a race to another node. Servlet filters;
 * their refusals are the problems of {@code http}. Internal to the {@code http} module.
 */
package org.pipelinetracker.http.reliability;
