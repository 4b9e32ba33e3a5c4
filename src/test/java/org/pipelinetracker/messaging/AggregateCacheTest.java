package org.pipelinetracker.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTest {

	@Test
	void keepsTheMostRecentlyUsedEntriesWithinItsBound() {
		AggregateCache cache = new AggregateCache(2);
		cache.put("a", 1);
		cache.put("b", 2);
		assertThat((Integer) cache.get("a")).isEqualTo(1); // a is now the most recently used
		cache.put("c", 3);
		assertThat(cache.containsKey("b")).as("least recently used, evicted").isFalse();
		assertThat(cache.containsKey("a")).isTrue();
		assertThat(cache.containsKey("c")).isTrue();
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void removesAndComputesLikeAMap() {
		AggregateCache cache = new AggregateCache(10);
		assertThat(cache.putIfAbsent("a", 1)).isTrue();
		assertThat(cache.putIfAbsent("a", 2)).isFalse();
		assertThat((Integer) cache.computeIfAbsent("b", () -> 5)).isEqualTo(5);
		cache.<Integer>computeIfPresent("b", v -> v + 1);
		assertThat((Integer) cache.get("b")).isEqualTo(6);
		assertThat(cache.remove("a")).isTrue();
		assertThat(cache.remove("a")).isFalse();
		cache.removeAll();
		assertThat(cache.size()).isZero();
	}
}
