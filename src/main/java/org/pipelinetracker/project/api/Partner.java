package org.pipelinetracker.project.api;

/**
 * An organisation taking part in a project: name, ISO 3166-1 alpha-2 country and IATI role.
 */
public record Partner(String name, String country, PartnerRole role) {
}
