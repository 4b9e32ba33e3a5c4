/**
 * Health and readiness: the event processors' status and lag behind the event store, for {@code /actuator/health}.
 * Internal to the {@code messaging} module.
 */
package org.pipelinetracker.messaging.health;
