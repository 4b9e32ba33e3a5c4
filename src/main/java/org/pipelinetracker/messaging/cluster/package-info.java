/**
 * Several nodes on one database: each node's name as token owner, heartbeats, and a fair share of every
 * projection's token segments. Internal to the {@code messaging} module.
 */
package org.pipelinetracker.messaging.cluster;
