package org.pipelinetracker.i18n;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones instants are shown in: the default for users who chose none ({@code tracker.ui.default-time-zone},
 * Asia/Tashkent), the ones the preferences offer ({@code tracker.ui.time-zones}), and the zone whose date is
 * "today" for the server's not-in-the-future rule ({@code tracker.time-zone}). An unknown zone stops start-up.
 */
@Component
class TimeZones {

	private final String defaultZone;
	private final List<String> offered;
	private final String businessZone;

	TimeZones(@Value("${tracker.ui.default-time-zone:Asia/Tashkent}") String defaultZone,
			@Value("${tracker.ui.time-zones:Asia/Tashkent,Asia/Seoul,UTC}") List<String> offered,
			@Value("${tracker.time-zone:Asia/Tashkent}") String businessZone) {
		this.defaultZone = zone("tracker.ui.default-time-zone", defaultZone);
		List<String> zones = new ArrayList<>();
		zones.add(this.defaultZone);
		for (String zone : offered) {
			String id = zone("tracker.ui.time-zones", zone);
			if (!zones.contains(id)) {
				zones.add(id);
			}
		}
		this.offered = List.copyOf(zones);
		this.businessZone = zone("tracker.time-zone", businessZone);
	}

	String defaultZone() {
		return defaultZone;
	}

	/** The default first, then the other configured zones. */
	List<String> offered() {
		return offered;
	}

	String businessZone() {
		return businessZone;
	}

	/** True for a region-based zone id the JDK knows ({@code Asia/Seoul}) or {@code UTC}; offsets are refused. */
	static boolean isZone(String id) {
		return id != null && (ZoneId.getAvailableZoneIds().contains(id) || id.equals("UTC"));
	}

	private static String zone(String property, String id) {
		String trimmed = id == null ? "" : id.strip();
		if (!isZone(trimmed)) {
			throw new DateTimeException(property + ": '" + id + "' is not a time zone id such as Asia/Tashkent");
		}
		return trimmed;
	}
}
