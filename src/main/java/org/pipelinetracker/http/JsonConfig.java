package org.pipelinetracker.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;

/**
 * JSON for the API: money as plain decimals (never 2.5E+8), unknown properties ignored, numbers never coerced to
 * doubles, and dates only from {@link #FIRST_DATE} to {@link #LAST_DATE} (year 0 or 99999 is a typing error, and
 * PostgreSQL's date type could not even store every date Java can parse).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

	/** The first date a request may carry. */
	static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
	/** The last date a request may carry. */
	static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

	@Bean
	JsonMapperBuilderCustomizer apiJson() {
		return builder -> builder
				.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
				.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.addModule(new SimpleModule("api-dates").addDeserializer(LocalDate.class, new BoundedDates()));
	}

	/** ISO-8601 dates within [{@link #FIRST_DATE}, {@link #LAST_DATE}]; others fail as an invalid format of the field. */
	static final class BoundedDates extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
			if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
				throw InvalidFormatException.from(parser, "date out of range", date, LocalDate.class);
			}
			return date;
		}
	}
}
