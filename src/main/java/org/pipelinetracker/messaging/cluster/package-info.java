/**
 * Several nodes on one database: each node's name as token owner, heartbeats, and a fair share of every
 * projection's token segments. Internal to the {@code messaging} module but for {@link NodeId}, this node's name,
 * which the rebuild uses to claim the tokens it sets.
 */
@NamedInterface("cluster")
package org.pipelinetracker.messaging.cluster;

import org.springframework.modulith.NamedInterface;
