package org.pipelinetracker.audit.history;

import org.pipelinetracker.facility.api.FacilityEvent;
import org.pipelinetracker.period.api.PeriodEvent;
import org.pipelinetracker.project.api.ProjectEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event types the store can hold, by simple class name: every {@link ProjectEvent}, {@link FacilityEvent} and
 * {@link PeriodEvent} (found on the classpath, so a new event needs no change here).
 */
@Component
class EventTypes {

	private final Map<String, String> classNameBySimpleName = new TreeMap<>();

	EventTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(ProjectEvent.class));
		scanner.addIncludeFilter(new AssignableTypeFilter(FacilityEvent.class));
		scanner.addIncludeFilter(new AssignableTypeFilter(PeriodEvent.class));
		for (String basePackage : List.of(ProjectEvent.class.getPackageName(), FacilityEvent.class.getPackageName(),
				PeriodEvent.class.getPackageName())) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				String previous = classNameBySimpleName.put(className.substring(className.lastIndexOf('.') + 1), className);
				if (previous != null && !previous.equals(className)) {
					throw new IllegalStateException("two event types share a simple name: " + previous + ", " + className);
				}
			}
		}
	}

	/** The stored payload type (fully qualified class name) of the event type with this simple name. */
	Optional<String> storedName(String simpleName) {
		return Optional.ofNullable(classNameBySimpleName.get(simpleName));
	}

	/** Every simple name, sorted. */
	List<String> simpleNames() {
		return List.copyOf(classNameBySimpleName.keySet());
	}
}
