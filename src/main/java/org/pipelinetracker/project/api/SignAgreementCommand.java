package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records an agreement; a binding one moves a proposed project to AGREED.
 */
public record SignAgreementCommand(@TargetAggregateIdentifier ProjectId projectId, String agreementId, AgreementType type, LocalDate signedOn, List<String> parties, String documentUrl) {
}
