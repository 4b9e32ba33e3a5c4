/**
 * Rebuilding read models: token resets with progress, one replay at a time, reads flagged while it runs.
 */
package org.pipelinetracker.audit.replay;
