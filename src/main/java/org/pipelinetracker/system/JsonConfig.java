package org.pipelinetracker.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * JSON for the API: money as plain decimals (never 2.5E+8), unknown properties ignored, numbers never coerced to
 * doubles.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

	@Bean
	JsonMapperBuilderCustomizer apiJson() {
		return builder -> builder
				.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
				.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}
}
