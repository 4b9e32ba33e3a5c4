package org.pipelinetracker.postgres.twonode;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Extra beans of one node of {@code TwoNodeTest}, passed to {@code SpringApplicationBuilder} as a source. Deliberately
 * not annotated with {@code @Configuration}: component scanning of the application must not pick it up for other
 * tests.
 * <ul>
 * <li>The token store with the node's own owner name ({@value #NODE_ID}). Axon's default owner is the JVM name
 * ({@code pid@host}), which is the same for two contexts in one JVM, so without this both nodes would take each
 * other's claims for their own. In production every node is a JVM of its own and the default is right. The claim
 * timeout is still {@code axon.eventhandling.tokenstore.claim-timeout}, as Axon's own token store bean does it.</li>
 * <li>A handler interceptor on every event processor counting the events each node's processors handle.</li>
 * </ul>
 */
public class NodeTestConfig {

	/** The property naming the node (its token owner and its counters). */
	public static final String NODE_ID = "tracker.node-id";

	private static final Map<String, Map<String, LongAdder>> HANDLED = new ConcurrentHashMap<>();

	/** Events handled so far by processor {@code processor} on node {@code node}. */
	public static long handled(String node, String processor) {
		LongAdder adder = HANDLED.getOrDefault(node, Map.of()).get(processor);
		return adder == null ? 0 : adder.sum();
	}

	@Bean
	ConfigurerModule handledEventCounter(Environment environment) {
		String node = environment.getRequiredProperty(NODE_ID);
		Map<String, LongAdder> counters = HANDLED.computeIfAbsent(node, n -> new ConcurrentHashMap<>());
		return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
				(configuration, processor) -> (unitOfWork, chain) -> {
					counters.computeIfAbsent(processor, p -> new LongAdder()).increment();
					return chain.proceed();
				});
	}
}
