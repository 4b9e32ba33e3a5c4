/**
 * Web UI: the server side of the static front end in {@code static/} (live change notifications over server-sent
 * events, derived from the shared event store, and the reference lists its forms offer). It talks to the modules
 * only through the HTTP API; no module depends on it.
 */
@ApplicationModule(displayName = "Web UI", allowedDependencies = {"kernel", "messaging", "storage", "http", "reference"})
package org.pipelinetracker.ui;

import org.springframework.modulith.ApplicationModule;
