/**
 * Read side of the period module: the {@code reporting-periods} projection (closed periods and restating events)
 * and the queries it answers. Internal to the module.
 */
package org.pipelinetracker.period.query;
