package org.pipelinetracker.messaging;

import java.util.List;

/**
 * Types a module's aggregate snapshots are made of (the aggregate and its entities), declared as a bean by the
 * module's configuration. Their snapshots are their fields, whatever the fields' visibility, and never a getter, so
 * the aggregates carry no serialization annotations ({@link AxonConfig} applies this to Axon's serializer).
 */
@FunctionalInterface
public interface SnapshotTypes {

	List<Class<?>> types();
}
