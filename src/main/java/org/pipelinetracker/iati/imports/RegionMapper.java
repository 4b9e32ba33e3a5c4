package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.Geography;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The one Uzbek region a project is recorded in, from the activity's location and recipient countries. */
@Component
class RegionMapper {

	private final Codelists codelists;

	RegionMapper(Codelists codelists) {
		this.codelists = codelists;
	}

	/**
	 * Our regions are Uzbek. Our own export's {@code pt:region} is kept. An activity whose only recipient country is
	 * Uzbekistan is "Nationwide" (sub-national locations are not mapped yet); anything else, including activities
	 * outside Uzbekistan, is "Multiple regions", and the recipient countries are kept in the notes.
	 */
	String region(IatiActivity a, List<String> notes) {
		Optional<String> exported = a.region == null ? Optional.empty() : codelists.uzbekRegion(a.region);
		if (exported.isPresent()) {
			return exported.get(); // pt:region of our own export
		}
		List<String> codes = a.countries.stream().map(IatiActivity.Country::code).filter(Objects::nonNull).toList();
		if (codes.size() == 1 && codes.get(0).equals(Geography.RECIPIENT_COUNTRY)) {
			return codelists.uzbekRegion(Geography.NATIONWIDE).orElseThrow();
		}
		notes.add((codes.isEmpty() ? "no recipient country" : "recipient countries " + String.join(", ",
				a.countries.stream().map(c -> c.code() + (c.percentage() == null ? "" : " " + c.percentage() + "%")).toList()))
				+ "; region recorded as " + Geography.MULTIPLE_REGIONS);
		return codelists.uzbekRegion(Geography.MULTIPLE_REGIONS).orElseThrow();
	}
}
