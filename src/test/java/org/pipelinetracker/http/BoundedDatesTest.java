package org.pipelinetracker.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's dates: exactly YYYY-MM-DD within the accepted range, read fast in the common case and strictly always. */
class BoundedDatesTest {

	private final JsonMapper json = JsonMapper.builder()
			.addModule(new SimpleModule().addDeserializer(LocalDate.class, new JsonConfig.BoundedDates())).build();

	private LocalDate read(String literal) {
		return json.readValue(literal, LocalDate.class);
	}

	@Test
	void readsPlainDatesIncludingLeapDaysAndTheRangeEnds() {
		assertThat(read("\"2025-06-01\"")).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(read("\"2024-02-29\"")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(read("\"2000-02-29\"")).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(read("\"2025-12-31\"")).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(read("\"1900-01-01\"")).isEqualTo(JsonConfig.FIRST_DATE);
		assertThat(read("\"2199-12-31\"")).isEqualTo(JsonConfig.LAST_DATE);
	}

	@Test
	void refusesDaysThatDoNotExist() {
		for (String day : new String[] { "2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
				"2025-01-00", "2025-01-32" }) {
			assertThatThrownBy(() -> read("\"" + day + "\"")).as(day).isInstanceOf(InvalidFormatException.class);
		}
	}

	@Test
	void refusesDatesOutsideTheRangeAndOtherFormats() {
		for (String text : new String[] { "1899-12-31", "2200-01-01", "+2025-01-01", "02025-01-01", "2025-1-01",
				"2025/01/01", "2025-01-01T00:00", "20250101", "2025-0a-01", "" }) {
			assertThatThrownBy(() -> read("\"" + text + "\"")).as(text).isInstanceOf(InvalidFormatException.class);
		}
		assertThatThrownBy(() -> read("20000")).isInstanceOf(InvalidFormatException.class);
		assertThatThrownBy(() -> read("[2025,1,1]")).isInstanceOf(InvalidFormatException.class);
	}

	@Test
	void theFastPathAnswersOnlyExactPlainDates() {
		assertThat(JsonConfig.BoundedDates.plainDate("2025-06-01")).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(JsonConfig.BoundedDates.plainDate("2023-02-29")).isNull();
		assertThat(JsonConfig.BoundedDates.plainDate("+2025-06-01")).isNull();
		assertThat(JsonConfig.BoundedDates.plainDate("2025-06-1x")).isNull();
		assertThat(JsonConfig.BoundedDates.plainDate("2025-06-01 ")).isNull();
	}
}
