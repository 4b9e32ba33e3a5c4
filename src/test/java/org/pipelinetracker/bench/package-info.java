/**
 * The benchmark harness (issue 9): ingestion, baseline, raw ceilings, replay, queries, heap and startup; run by
 * {@code ./mvnw -Pbench verify}, with a smoke version in the default build.
 */
package org.pipelinetracker.bench;
