package org.pipelinetracker.period.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure of {@link ReportingPeriodProjection} fails the unit of work that stores the events (Axon's default for
 * a subscribing processor only logs it): a close or a restatement is never stored without being listed.
 */
@Configuration(proxyBeanMethods = false)
class ReportingPeriodConfiguration {

	@Bean
	ConfigurerModule reportingPeriodFailuresPropagate() {
		return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
				ReportingPeriodProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
	}
}
