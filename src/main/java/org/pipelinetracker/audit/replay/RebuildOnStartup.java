package org.pipelinetracker.audit.replay;

import org.pipelinetracker.kernel.ShadowableProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Once the application is ready, asks every projection whether its read model must be rebuilt
 * ({@link ShadowableProjection#rebuildReason()}: e.g. the pipeline summary on a database from before it existed, or
 * converted with other exchange rates) and, if so, starts the replay itself, with the usual progress at
 * {@code GET /api/admin/replay}, instead of waiting for an administrator. Answers stay correct meanwhile (a read model
 * that is not usable is not used). {@code tracker.replay.rebuild-on-startup=false} leaves it to the administrator.
 * A replay that cannot start (another one running, another node holding the segments) is logged, not fatal.
 */
@Component
class RebuildOnStartup {

	private static final Logger log = LoggerFactory.getLogger(RebuildOnStartup.class);

	private final List<ShadowableProjection> projections;
	private final ReplayService replays;
	private final boolean enabled;

	RebuildOnStartup(List<ShadowableProjection> projections, ReplayService replays,
			@Value("${tracker.replay.rebuild-on-startup:true}") boolean enabled) {
		this.projections = projections;
		this.replays = replays;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildWhatIsOutdated() {
		if (!enabled) {
			return;
		}
		Map<String, String> outdated = new LinkedHashMap<>();
		for (ShadowableProjection projection : projections) {
			try {
				projection.rebuildReason().ifPresent(reason -> outdated.put(projection.processingGroup(), reason));
			}
			catch (RuntimeException e) {
				log.warn("Could not check whether {} needs a rebuild: {}", projection.processingGroup(), e.toString());
			}
		}
		if (outdated.isEmpty()) {
			return;
		}
		outdated.forEach((group, reason) -> log.warn("Read model {} is rebuilt now: {}", group, reason));
		try {
			replays.start(outdated.size() == 1 ? outdated.keySet().iterator().next() : null);
		}
		catch (RuntimeException e) {
			log.warn("Could not start the rebuild of {} ({}); start it with POST /api/admin/replay", outdated.keySet(),
					e.toString());
		}
	}
}
