package org.pipelinetracker.storage;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimestampsTest {

	@Test
	void readsEveryInstantAxonWritesAsAxonReadsIt() {
		Random random = new Random(21);
		long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 200_000; i++) {
			Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
					random.nextInt(1_000_000_000));
			String written = DateTimeUtils.formatInstant(instant);
			assertThat(EventTimestamps.parseUtc(written)).as(written).isNotNull()
					.isEqualTo(DateTimeUtils.parseInstant(written));
			// any number of fraction digits, as Instant writes them (none at a whole second)
			String iso = instant.toString();
			assertThat(EventTimestamps.parseUtc(iso)).as(iso).isEqualTo(DateTimeUtils.parseInstant(iso));
		}
	}

	@Test
	void readsTheEdgesOfEachField() {
		for (String text : new String[] {"2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00.000Z",
				"2026-12-31T23:59:59.123456789Z", "2026-01-01T00:00:00.1Z", "0000-01-01T00:00:00Z"}) {
			assertThat(EventTimestamps.parseUtc(text)).as(text).isNotNull().isEqualTo(DateTimeUtils.parseInstant(text));
		}
	}

	@Test
	void leavesOtherFormsToAxonsParser() {
		for (String text : new String[] {"2026-12-07T09:27:24.594+05:00", "2026-12-07t09:27:24.594z",
				"+12026-12-07T09:27:24Z", "2026-12-07T09:27Z", "2026-12-07T09:27:24.Z"}) {
			assertThat(EventTimestamps.parseUtc(text)).as(text).isNull();
			assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
		}
	}

	@Test
	void refusesWhatAxonRefuses() {
		for (String text : new String[] {"2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
				"2026-00-10T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-07T24:00:00Z", "2026-12-07T23:60:00Z",
				"2026-12-07T23:59:60Z", "2026-12-07T09:27:24,594Z", "2026-12-07T09:27:24.1234567890Z",
				"2026-12-07T09:27:2xZ", "2026-12-07 09:27:24Z", "not a time", ""}) {
			assertThat(EventTimestamps.parseUtc(text)).as(text).isNull();
			assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as(text).isInstanceOf(DateTimeParseException.class);
			assertThatThrownBy(() -> EventTimestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
		}
	}
}
