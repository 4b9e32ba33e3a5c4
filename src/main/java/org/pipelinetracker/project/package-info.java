/**
 * Projects: the event-sourced project aggregate and its lifecycle (proposal, agreements, funding, disbursements,
 * milestones, stages), the read model of every project as of any date, and the HTTP API
 * {@code /api/projects}. Other modules use its published language ({@code api}), its use cases ({@code app}) and
 * its queries ({@code query}); the aggregate ({@code command}) and the web layer ({@code web}) are internal. It
 * knows no facility: a commitment reaches facilities only through the reservation port of {@code api}.
 */
@ApplicationModule(displayName = "Projects", allowedDependencies = {"kernel", "messaging", "storage", "http", "fx", "reference"})
package org.pipelinetracker.project;

import org.springframework.modulith.ApplicationModule;
