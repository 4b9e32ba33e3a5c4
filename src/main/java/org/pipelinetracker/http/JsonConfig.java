package org.pipelinetracker.http;

import org.pipelinetracker.kernel.MultiLine;
import org.pipelinetracker.kernel.PlainText;
import org.pipelinetracker.kernel.Text;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * JSON for the API: money as plain decimals (never 2.5E+8), unknown properties ignored, numbers never coerced to
 * doubles, and dates exactly {@code YYYY-MM-DD} (no time, no number of days) only from {@link #FIRST_DATE} to {@link #LAST_DATE} (year 0 or 99999 is a typing error, and
 * PostgreSQL's date type could not even store every date Java can parse).
 * <p>
 * Request bodies are read strictly ({@link #requestJson}): a key that comes twice is an error (not "the last one
 * wins"), a text field takes only a JSON string (a number, {@code true} or an object is not turned into text), and
 * every text is a {@link PlainText}: no control character, noncharacter or lone surrogate, and one line unless the
 * field is {@link MultiLine}. Only the request bodies: what the application stored earlier is read as it was.
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

	/**
	 * The JSON converter of Spring MVC reads and writes with {@link #requestJson}: after Spring Boot's, which uses
	 * the application's mapper as it is.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictRequestJson(JsonMapper json) {
		JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(requestJson(json));
		return builder -> builder.withJsonConverter(converter);
	}

	/** The application's mapper, reading strictly: duplicate keys, scalars as text and odd characters refused. */
	static JsonMapper requestJson(JsonMapper json) {
		return json.rebuild()
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.withCoercionConfig(LogicalType.Textual, text -> text
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.addModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainStrings(false)))
				.build();
	}

	/** ISO-8601 dates within [{@link #FIRST_DATE}, {@link #LAST_DATE}]; others fail as an invalid format of the field. */
	static final class BoundedDates extends ValueDeserializer<LocalDate> {

		private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			boolean text = parser.currentToken() == JsonToken.VALUE_STRING;
			LocalDate date = text ? plainDate(parser.getString()) : null;
			if (date == null) {
				if (!text || !ISO_DATE.matcher(parser.getString()).matches()) {
					// exactly YYYY-MM-DD: not a date-time, a number of days or an array of numbers
					throw InvalidFormatException.from(parser, "not an ISO-8601 date (YYYY-MM-DD)",
							text ? parser.getString() : null, LocalDate.class);
				}
				date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
			}
			if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
				throw InvalidFormatException.from(parser, "date out of range", date, LocalDate.class);
			}
			return date;
		}

		/**
		 * {@code text} as a date when it is exactly {@code YYYY-MM-DD} with a valid day, else null: the common case,
		 * read without a regular expression or a formatter (every stored project document holds dozens of dates).
		 * Anything else (a sign, a longer year, an invalid day, another format) takes the general path; both share the
		 * range check.
		 */
		static LocalDate plainDate(String text) {
			if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
				return null;
			}
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
				return null;
			}
			if (day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
				return null;
			}
			return LocalDate.of(year, month, day);
		}

		private static int digits(String text, int from, int to) {
			int value = 0;
			for (int i = from; i < to; i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				value = value * 10 + (c - '0');
			}
			return value;
		}
	}

	/**
	 * Every string of a request: read as Jackson reads strings (with the coercion rules above), then checked as a
	 * {@link PlainText} of one line, or of several for a property marked {@link MultiLine}.
	 */
	static final class PlainStrings extends StdScalarDeserializer<String> {

		private final boolean multiLine;

		PlainStrings(boolean multiLine) {
			super(String.class);
			this.multiLine = multiLine;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
			return multi == multiLine ? this : new PlainStrings(multi);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			Text problem = PlainText.problem(value, multiLine);
			if (problem != null) {
				throw new RefusedText(parser, problem);
			}
			return value;
		}
	}

	/** A text that is not a {@link PlainText}: the field (Jackson adds its path) and why. */
	static final class RefusedText extends MismatchedInputException {

		private final transient Text reason;

		RefusedText(JsonParser parser, Text reason) {
			super(parser, reason.english(), String.class);
			this.reason = reason;
		}

		Text reason() {
			return reason;
		}
	}
}
