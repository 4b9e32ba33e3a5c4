package org.pipelinetracker.project.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the project aggregate needs from the framework, so that the aggregate, its entities and its policies stay
 * plain Java: the {@link StallPolicy} from the properties, and the JSON shape of its snapshots.
 */
@Configuration(proxyBeanMethods = false)
class ProjectCommandConfiguration {

	@Bean
	StallPolicy stallPolicy(@Value("${tracker.alerts.no-funding-days:180}") int noFundingDays,
			@Value("${tracker.alerts.no-disbursement-days:180}") int noDisbursementDays) {
		return new StallPolicy(noFundingDays, noDisbursementDays);
	}

	/**
	 * A snapshot of a {@link Project} is its fields (those it has from {@link ProjectState}, and those of each
	 * {@link Funding}), private as they are, and none of its methods ({@code stage()}, {@code committed()}, ...).
	 * Axon's Jackson 3 serializer applies one
	 * {@link Jackson3SerializerCustomizer}, the first bean it finds, so this adds the rule to every customizer bean
	 * rather than declaring a second one that could win over the application's.
	 */
	@Bean
	static BeanPostProcessor projectSnapshotJson() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof Jackson3SerializerCustomizer customizer) {
					return (Jackson3SerializerCustomizer) builder -> {
						customizer.accept(builder);
						fieldsOnly(builder, Project.class, Funding.class);
					};
				}
				return bean;
			}
		};
	}

	/** Serialized through their fields, whatever their visibility, and never through getters. */
	static void fieldsOnly(JsonMapper.Builder builder, Class<?>... types) {
		JsonAutoDetect.Value fields = JsonAutoDetect.Value.construct(Visibility.ANY, Visibility.NONE, Visibility.NONE,
				Visibility.DEFAULT, Visibility.DEFAULT);
		for (Class<?> type : types) {
			builder.withConfigOverride(type, override -> override.setVisibility(fields));
		}
	}
}
