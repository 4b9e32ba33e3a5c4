/**
 * Health and readiness: the event processors' status and lag behind the event store, for {@code /actuator/health}.
 */
package org.pipelinetracker.messaging.health;
