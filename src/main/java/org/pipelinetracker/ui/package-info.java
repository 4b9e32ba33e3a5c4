/**
 * Web UI: the server side of the static front end in {@code static/} (live change notifications over server-sent
 * events, derived from the shared event store, and the reference lists its forms offer).
 */
package org.pipelinetracker.ui;
