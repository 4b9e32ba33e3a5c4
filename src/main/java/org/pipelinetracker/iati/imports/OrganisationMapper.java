package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the activity's organisations become: the project's partners (participating organisations with a role and
 * a country), the parties of its agreements, and the names of who provides and receives each transaction's
 * money. Names are kept to 200 characters.
 */
@Component
class OrganisationMapper {

	private static final Pattern COUNTRY_PREFIX = Pattern.compile("^([A-Z]{2})-[A-Za-z0-9]+-.+");

	private final Codelists codelists;

	OrganisationMapper(Codelists codelists) {
		this.codelists = codelists;
	}

	/**
	 * Participating organisations with roles 1-4. The country is {@code pt:country} (our own export) when it is an
	 * ISO 3166-1 code, else the ISO 3166-1 prefix of the organisation identifier ("GB-COH-…" → GB); organisations
	 * without one cannot be partners here and are named in the notes. At most 50, each name and role once.
	 */
	List<Requests.PartnerRequest> partners(IatiActivity a, List<String> notes) {
		Set<String> seen = new HashSet<>();
		List<Requests.PartnerRequest> partners = new ArrayList<>();
		Set<String> withoutCountry = new LinkedHashSet<>();
		for (IatiActivity.Org org : a.participatingOrgs) {
			PartnerRole role = role(org.role());
			String name = org.label();
			if (role == null || name == null) {
				continue;
			}
			String country = org.country() != null && codelists.isCountry(org.country()) ? org.country() : country(org.ref());
			if (country == null) {
				withoutCountry.add(name + " (role " + org.role() + ")");
				continue;
			}
			name = clip(name);
			if (seen.add(name + "|" + role) && partners.size() < 50) {
				partners.add(new Requests.PartnerRequest(name, country, role));
			}
		}
		if (!withoutCountry.isEmpty()) {
			notes.add("participating organisations without a country in their identifier, not kept as partners: "
					+ String.join(", ", withoutCountry));
		}
		return partners;
	}

	private String country(String ref) {
		if (ref == null) {
			return null;
		}
		var m = COUNTRY_PREFIX.matcher(ref.trim());
		return m.matches() && codelists.isCountry(m.group(1)) ? m.group(1) : null;
	}

	private static PartnerRole role(String code) {
		if (code == null) {
			return null;
		}
		for (PartnerRole role : PartnerRole.values()) {
			if (role.iatiCode().equals(code.trim())) {
				return role;
			}
		}
		return null;
	}

	/** The parties of an agreement read from another publisher: every participating organisation, at most 20. */
	static List<String> parties(IatiActivity a) {
		Set<String> names = new LinkedHashSet<>();
		for (IatiActivity.Org org : a.participatingOrgs) {
			String name = org.label();
			if (name != null && names.size() < 20) {
				names.add(clip(name));
			}
		}
		return List.copyOf(names);
	}

	/** Who provides the money: the transaction's provider-org, else the activity's funding organisation, else the reporting organisation. */
	static String provider(IatiActivity a, IatiActivity.Transaction t) {
		String named = orgName(a, t.provider);
		if (named != null) {
			return named;
		}
		Optional<String> funding = a.participatingOrgs.stream().filter(o -> PartnerRole.FUNDING.iatiCode().equals(o.role()) && o.label() != null)
				.map(o -> clip(o.label())).findFirst();
		if (funding.isPresent()) {
			return funding.get();
		}
		return a.reportingOrg != null && a.reportingOrg.label() != null ? clip(a.reportingOrg.label()) : "not given";
	}

	/** A provider-org's or receiver-org's name, else the name of the participating org its ref names, else its ref. */
	static String orgName(IatiActivity a, IatiActivity.Org org) {
		if (org == null) {
			return null;
		}
		if (org.name() != null) {
			return clip(org.name());
		}
		if (org.ref() != null) {
			return a.participatingOrgs.stream().filter(o -> org.ref().equals(o.ref()) && o.name() != null)
					.map(o -> clip(o.name())).findFirst().orElse(clip(org.ref()));
		}
		return null;
	}

	private static String clip(String s) {
		return s.length() > 200 ? s.substring(0, 200) : s;
	}
}
