package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the activity's organisations become: the project's partners (every participating organisation with an IATI
 * role, as published: name in every language, ref, type, country when known), the parties of its agreements, and the
 * names of who provides and receives each transaction's money. Names are kept to 200 characters.
 */
@Component
class OrganisationMapper {

	private static final Pattern COUNTRY_PREFIX = Pattern.compile("^([A-Z]{2})-[A-Za-z0-9]+-.+");
	static final int MAX_PARTNERS = 50;

	private final Codelists codelists;

	OrganisationMapper(Codelists codelists) {
		this.codelists = codelists;
	}

	/**
	 * Every participating organisation with a role 1-4 (Funding, Accountable, Extending, Implementing) is a partner:
	 * its best name (as a title's: the first narrative without a language or in English, else the first; in our own
	 * export, the first), its name in each language (the narratives' languages, resolved as the title's), its ref,
	 * type, activity-id and crs-channel-code, and its country: {@code pt:country} (our own export) when it is an ISO
	 * 3166-1 code, else the ISO 3166-1 prefix of its ref ("GB-COH-…" → GB), else none (UN agencies, NGOs, "44001"). One
	 * with another role, or with neither name nor ref, is noted and not kept; so is one repeated word for word, and any
	 * beyond the {@value #MAX_PARTNERS}th.
	 */
	List<Requests.PartnerRequest> partners(ActivityImport act) {
		IatiActivity a = act.activity;
		Set<Requests.PartnerRequest> seen = new HashSet<>();
		List<Requests.PartnerRequest> partners = new ArrayList<>();
		int position = 0;
		for (IatiActivity.Org org : a.participatingOrgs) {
			position++;
			String what = a.identifier + " participating-org #" + position;
			PartnerRole role = role(org.role());
			String name = act.own && !org.names().isEmpty() ? org.names().get(0).text() : org.label();
			if (role == null) {
				act.skip(what, "'" + (name == null ? "no name" : ActivityTexts.shorten(name, 80)) + "' has role '" + org.role()
						+ "', not an IATI OrganisationRole (1-4); not kept as a partner");
				continue;
			}
			if (name == null) {
				act.skip(what, "no name and no ref; not kept as a partner");
				continue;
			}
			if (name.length() > 200) {
				act.note(what, "name shortened to 200 characters");
			}
			Requests.PartnerRequest partner = new Requests.PartnerRequest(clip(name), country(org), role,
					clipped(act, what, "ref", org.ref(), 200), clipped(act, what, "type", org.type(), 10),
					names(act, what, org), clipped(act, what, "activity-id", org.activityId(), 200),
					clipped(act, what, "crs-channel-code", org.crsChannelCode(), 20));
			if (!seen.add(partner)) {
				act.note(what, "repeats an earlier participating-org word for word; kept once");
				continue;
			}
			if (partners.size() == MAX_PARTNERS) {
				act.skip(what, "more than " + MAX_PARTNERS + " participating organisations; '" + ActivityTexts.shorten(name, 80)
						+ "' not kept as a partner");
				continue;
			}
			partners.add(partner);
		}
		return partners;
	}

	/**
	 * Whether a partner the file gives is the partner recorded: every field alike, the names too, except that a partner
	 * recorded with no names is alike one named in a single language by its name.
	 */
	static boolean same(Requests.PartnerRequest published, Partner recorded) {
		Map<String, String> names = published.names() == null ? Map.of() : published.names();
		boolean namesAlike = names.equals(recorded.names()) || (recorded.names().isEmpty() && names.size() == 1
				&& names.values().iterator().next().equals(recorded.name()));
		return published.name().equals(recorded.name()) && published.role() == recorded.role()
				&& Objects.equals(published.country(), recorded.country()) && Objects.equals(published.ref(), recorded.ref())
				&& Objects.equals(published.type(), recorded.type()) && namesAlike
				&& Objects.equals(published.activityId(), recorded.activityId())
				&& Objects.equals(published.crsChannelCode(), recorded.crsChannelCode());
	}

	/** A partner as a note names it: name, role and ref. */
	static String describe(Requests.PartnerRequest p) {
		return p.name() + " (role " + p.role().iatiCode() + (p.ref() == null ? "" : ", ref " + p.ref()) + ")";
	}

	/** The country of a participating organisation, or null when it has none. */
	private String country(IatiActivity.Org org) {
		return org.country() != null && codelists.isCountry(org.country()) ? org.country() : country(org.ref());
	}

	/** The organisation's name in each language, the first narrative of each; the others noted. */
	private static Map<String, String> names(ActivityImport act, String what, IatiActivity.Org org) {
		Map<String, String> names = new LinkedHashMap<>();
		for (IatiActivity.Narrative n : org.names()) {
			String language = n.language() == null ? ContentLanguage.DEFAULT
					: ContentLanguage.canonical(n.language()).orElse(null);
			if (language == null) {
				act.note(what, "name '" + ActivityTexts.shorten(n.text(), 40) + "': xml:lang '" + n.language()
						+ "' is not a language tag; not kept");
			}
			else if (names.containsKey(language)) {
				act.note(what, "another name in '" + language + "' ('" + ActivityTexts.shorten(n.text(), 40)
						+ "'): one per language is kept, the first");
			}
			else if (names.size() == 20) {
				act.note(what, "name in '" + language + "' not kept: 20 languages are kept, the first");
			}
			else {
				names.put(language, clip(n.text()));
			}
		}
		return names;
	}

	private static String clipped(ActivityImport act, String what, String attribute, String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		act.note(what, attribute + " longer than " + max + " characters; left out");
		return null;
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
