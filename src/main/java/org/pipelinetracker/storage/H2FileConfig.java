package org.pipelinetracker.storage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded H2 file compacted, when it is mostly dead space, before the data source first opens it
 * ({@link H2FileCompaction}): {@code tracker.h2.compact-at-start} (true), {@code tracker.h2.compact-min-size} (64MB)
 * and {@code tracker.h2.compact-below-live-percent} (50).
 */
@Configuration(proxyBeanMethods = false)
class H2FileConfig {

	/** Static: a post-processor, made before the data source, which it sees before anything uses it. */
	@Bean
	static BeanPostProcessor compactH2FileBeforeUse(Environment environment) {
		AtomicBoolean checked = new AtomicBoolean();
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource && checked.compareAndSet(false, true)
						&& environment.getProperty("tracker.h2.compact-at-start", Boolean.class, true)) {
					H2FileCompaction.compactIfSparse(environment.getProperty("spring.datasource.url"),
							environment.getProperty("spring.datasource.username", "sa"),
							environment.getProperty("spring.datasource.password", ""),
							DataSize.parse(environment.getProperty("tracker.h2.compact-min-size", "64MB")).toBytes(),
							environment.getProperty("tracker.h2.compact-below-live-percent", Integer.class, 50));
				}
				return bean;
			}
		};
	}
}
