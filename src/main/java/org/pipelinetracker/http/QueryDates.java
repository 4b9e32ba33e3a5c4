package org.pipelinetracker.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Query parameters: their text ({@link QueryText}, before anything reads them), and dates and instants
 * ({@code asOf}, {@code knownAt}, {@code from}, {@code to}, ...) read strictly: exactly {@code YYYY-MM-DD} or an
 * ISO-8601 instant, nothing before or after it (no spaces, no {@code %00}), a real day of a real month, and within
 * the same range as in request bodies ({@link JsonConfig#FIRST_DATE} to {@link JsonConfig#LAST_DATE}): Java parses
 * years up to ±999,999,999, which later overflow date arithmetic, SQL timestamps and formatters. Anything else is a
 * 400 on that parameter, like any other value that cannot be converted. An empty value is no value.
 */
@Configuration(proxyBeanMethods = false)
class QueryDates implements WebMvcConfigurer {

	/** After the body limit (-200), before Spring Security (-100): nothing has read the parameters yet. */
	static final int QUERY_TEXT_ORDER = -150;

	private static final Instant FIRST = JsonConfig.FIRST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
	private static final Instant END = JsonConfig.LAST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
			.withResolverStyle(ResolverStyle.STRICT);

	@Bean
	FilterRegistrationBean<QueryText> queryText() {
		FilterRegistrationBean<QueryText> registration = new FilterRegistrationBean<>(new QueryText());
		registration.setOrder(QUERY_TEXT_ORDER);
		return registration;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class, text -> {
			if (text == null || text.isEmpty()) {
				return null;
			}
			LocalDate date = LocalDate.parse(text, DATE);
			if (date.isBefore(JsonConfig.FIRST_DATE) || date.isAfter(JsonConfig.LAST_DATE)) {
				throw new IllegalArgumentException("date out of range: " + date);
			}
			return date;
		});
		registry.addConverter(String.class, Instant.class, text -> {
			if (text == null || text.isEmpty()) {
				return null;
			}
			Instant instant = Instant.parse(text);
			if (instant.isBefore(FIRST) || !instant.isBefore(END)) {
				throw new IllegalArgumentException("instant out of range: " + instant);
			}
			return instant;
		});
	}
}
