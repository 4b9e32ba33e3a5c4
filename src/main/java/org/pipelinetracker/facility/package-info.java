/**
 * Credit facilities: one limit shared by many projects' commitments. The facility aggregate checks every
 * reservation of headroom against the facility's whole history; the reservation process implements the project
 * module's port for it; the facility-usage read model and {@code /api/facilities}. Other modules use its published
 * language ({@code api}) and its use cases ({@code app}); it knows the published language of the project module and, for the lender's view, where a project's
 * commitments stand ({@code project :: query}); its tables as a workbook through {@code sheets}.
 */
@ApplicationModule(displayName = "Credit facilities", allowedDependencies = {"kernel", "messaging", "storage", "http", "project :: api", "project :: query", "reference", "sheets"})
package org.pipelinetracker.facility;

import org.springframework.modulith.ApplicationModule;
