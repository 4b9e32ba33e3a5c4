package org.pipelinetracker.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and instants in query parameters ({@code asOf}, {@code knownAt}, {@code from}, {@code to}, ...) within the
 * same range as in request bodies ({@link JsonConfig#FIRST_DATE} to {@link JsonConfig#LAST_DATE}): Java parses
 * years up to ±999,999,999, which later overflow date arithmetic, SQL timestamps and formatters. Outside the range
 * a parameter is a 400 on that parameter, like any other value that cannot be converted.
 */
@Configuration(proxyBeanMethods = false)
class QueryDates implements WebMvcConfigurer {

	private static final Instant FIRST = JsonConfig.FIRST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
	private static final Instant END = JsonConfig.LAST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class, text -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			LocalDate date = LocalDate.parse(text.trim());
			if (date.isBefore(JsonConfig.FIRST_DATE) || date.isAfter(JsonConfig.LAST_DATE)) {
				throw new IllegalArgumentException("date out of range: " + date);
			}
			return date;
		});
		registry.addConverter(String.class, Instant.class, text -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			Instant instant = Instant.parse(text.trim());
			if (instant.isBefore(FIRST) || !instant.isBefore(END)) {
				throw new IllegalArgumentException("instant out of range: " + instant);
			}
			return instant;
		});
	}
}
