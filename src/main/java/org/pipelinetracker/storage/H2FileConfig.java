package org.pipelinetracker.storage;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The embedded H2 file compacted, when it is mostly dead space, before any bean is made, so before the data source
 * or anything else opens it ({@link H2FileCompaction}): {@code tracker.h2.compact-at-start} (true; false skips it,
 * e.g. when a start-up time limit is shorter than a large file's compaction), {@code tracker.h2.compact-min-size}
 * (64MB) and {@code tracker.h2.compact-below-live-percent} (50).
 */
@Configuration(proxyBeanMethods = false)
class H2FileConfig {

	/** Static: a bean factory post-processor, which runs before the first bean is made. */
	@Bean
	static BeanFactoryPostProcessor compactH2FileBeforeUse(Environment environment) {
		return beanFactory -> {
			if (environment.getProperty("tracker.h2.compact-at-start", Boolean.class, true)) {
				H2FileCompaction.compactIfSparse(environment.getProperty("spring.datasource.url"),
						environment.getProperty("spring.datasource.username", "sa"),
						environment.getProperty("spring.datasource.password", ""),
						DataSize.parse(environment.getProperty("tracker.h2.compact-min-size", "64MB")).toBytes(),
						environment.getProperty("tracker.h2.compact-below-live-percent", Integer.class, 50));
			}
		};
	}
}
