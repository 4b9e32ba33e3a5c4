package org.pipelinetracker.facility.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the facility aggregate needs from the framework, so that {@link Facility} stays plain Java: the JSON shape
 * of its snapshots.
 */
@Configuration(proxyBeanMethods = false)
class FacilityCommandConfiguration {

	/**
	 * A snapshot of a {@link Facility} is its fields, private as they are, and never a getter. Axon's Jackson 3
	 * serializer applies one {@link Jackson3SerializerCustomizer}, the first bean it finds, so this adds the rule to
	 * every customizer bean rather than declaring a second one that could win over the application's.
	 */
	@Bean
	static BeanPostProcessor facilitySnapshotJson() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof Jackson3SerializerCustomizer customizer) {
					return (Jackson3SerializerCustomizer) builder -> {
						customizer.accept(builder);
						builder.withConfigOverride(Facility.class, override -> override.setVisibility(
								JsonAutoDetect.Value.construct(Visibility.ANY, Visibility.NONE, Visibility.NONE,
										Visibility.DEFAULT, Visibility.DEFAULT)));
					};
				}
				return bean;
			}
		};
	}
}
