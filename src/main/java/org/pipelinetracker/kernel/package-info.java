/**
 * The shared kernel every module speaks: who wrote what, why and from which source ({@link
 * org.pipelinetracker.kernel.AuditContext}, the metadata keys of every command and event), the validation of a
 * request with every bad field named ({@link org.pipelinetracker.kernel.Violations}), and the contract of a read model
 * that can be rebuilt into shadow tables ({@link org.pipelinetracker.kernel.ShadowableProjection}), and the configured
 * users with their roles ({@link org.pipelinetracker.kernel.UserDirectory}, which {@code security} implements).
 * <p>
 * A module of the shared infrastructure: every module may use it; it knows no other module.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package org.pipelinetracker.kernel;

import org.springframework.modulith.ApplicationModule;
