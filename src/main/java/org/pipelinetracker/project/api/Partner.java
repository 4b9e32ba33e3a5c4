package org.pipelinetracker.project.api;

import java.util.Map;

/**
 * An organisation taking part in a project, as IATI's {@code participating-org} describes it: its name (the one shown
 * by default), its IATI role, its ISO 3166-1 alpha-2 country (null when unknown: UN agencies and NGOs have none),
 * its organisation identifier ({@code ref}, e.g. {@code XM-DAC-41114}, may be null), its IATI OrganisationType code
 * ({@code type}, may be null), its name in each language published (language tag → name, in the order published;
 * empty when only {@code name} is known), and the identifier of its own activity and its CRS channel code, when
 * published.
 */
public record Partner(String name, String country, PartnerRole role, String ref, String type,
		Map<String, String> names, String activityId, String crsChannelCode) {

	public Partner {
		names = names == null ? Map.of() : names;
	}

	/** A partner known by its name, country and role only (as typed). */
	public Partner(String name, String country, PartnerRole role) {
		this(name, country, role, null, null, Map.of(), null, null);
	}
}
