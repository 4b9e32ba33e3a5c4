/**
 * Shared infrastructure: Axon and Jackson wiring, the clock, request validation and RFC 9457 error responses.
 */
package org.pipelinetracker.system;
