package org.pipelinetracker.messaging.cluster;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The token store, with the node's name as owner of the segments it claims ({@code tracker.node-id}, by default
 * the JVM's {@code pid@host}, as Axon names it).
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfig {

	@Bean
	NodeId nodeId(@Value("${tracker.node-id:}") String configured) {
		return new NodeId(configured == null || configured.isBlank()
				? ManagementFactory.getRuntimeMXBean().getName() : configured.trim());
	}

	@Bean
	TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, EntityManagerProvider entityManagerProvider,
			NodeId nodeId, @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
		return JpaTokenStore.builder()
				.entityManagerProvider(entityManagerProvider)
				.serializer(serializer)
				.claimTimeout(claimTimeout)
				.nodeId(nodeId.value())
				.build();
	}
}
