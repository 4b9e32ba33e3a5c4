/**
 * Property-based fuzz tests (jqwik) of the HTTP API: bad input always gets a 4xx problem, never a 5xx or a partial write.
 */
package org.pipelinetracker.fuzz;
