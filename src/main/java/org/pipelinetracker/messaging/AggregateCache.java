package org.pipelinetracker.messaging;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A bounded, least-recently-used cache of loaded aggregates (Axon's {@code CachingEventSourcingRepository}), so a
 * command on a project handled a moment ago does not read its snapshot and events again.
 * <p>
 * Safe with several nodes: a cached aggregate may be stale when another node has written to it since. The command
 * is then decided on the stale state, but its events cannot be stored: the event store's unique (aggregate,
 * sequence number) key refuses them, the unit of work rolls back, and Axon's caching repository evicts the entry
 * on rollback. The caller gets the usual concurrency conflict (409, or a retry), and the next attempt loads the
 * aggregate from the store. No update is lost; only a conflict becomes more likely right after another node wrote.
 * <p>
 * Axon's {@code WeakReferenceCache} would drop entries at every garbage collection, which under load is many times a
 * second; this one keeps at most {@code maxEntries} aggregates and evicts the least recently used.
 */
final class AggregateCache implements Cache {

	private final int maxEntries;
	private final Map<Object, Object> entries;
	private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

	AggregateCache(int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
		}
		this.maxEntries = maxEntries;
		this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
				if (size() > AggregateCache.this.maxEntries) {
					listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
					return true;
				}
				return false;
			}
		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized <K, V> V get(K key) {
		V value = (V) entries.get(key);
		if (value != null) {
			listeners.forEach(l -> l.onEntryRead(key, value));
		}
		return value;
	}

	@Override
	public synchronized void put(Object key, Object value) {
		boolean existed = entries.put(key, value) != null;
		listeners.forEach(l -> {
			if (existed) {
				l.onEntryUpdated(key, value);
			}
			else {
				l.onEntryCreated(key, value);
			}
		});
	}

	@Override
	public synchronized boolean putIfAbsent(Object key, Object value) {
		if (entries.containsKey(key)) {
			return false;
		}
		put(key, value);
		return true;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
		Object value = entries.get(key);
		if (value == null) {
			value = valueSupplier.get();
			put(key, value);
		}
		return (T) value;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
		Object value = entries.get(key);
		if (value != null) {
			Object updated = update.apply((V) value);
			if (updated == null) {
				remove(key);
			}
			else {
				put(key, updated);
			}
		}
	}

	@Override
	public synchronized boolean remove(Object key) {
		if (entries.remove(key) != null) {
			listeners.forEach(l -> l.onEntryRemoved(key));
			return true;
		}
		return false;
	}

	@Override
	public synchronized void removeAll() {
		for (Object key : entries.keySet().toArray()) {
			remove(key);
		}
	}

	@Override
	public synchronized boolean containsKey(Object key) {
		return entries.containsKey(key);
	}

	@Override
	public Registration registerCacheEntryListener(EntryListener listener) {
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	synchronized int size() {
		return entries.size();
	}
}
