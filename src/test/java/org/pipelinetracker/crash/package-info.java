/**
 * Crash safety: the packaged application, killed with SIGKILL under load and restarted, loses and duplicates nothing.
 */
package org.pipelinetracker.crash;
