package org.pipelinetracker.audit.history;

import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail over HTTP: {@code GET /api/projects/{id}/history} (every event of one project, in order) and
 * {@code GET /api/audit/events?from=&to=&actor=&type=&page=&size=} (every stored event, projects and facilities,
 * in global-index order).
 */
@RestController
class HistoryController {

	private final EventHistory history;
	private final EventTypes types;

	HistoryController(EventHistory history, EventTypes types) {
		this.history = history;
		this.types = types;
	}

	@GetMapping(path = "/api/projects/{id}/history", produces = "application/json")
	List<HistoryEntry> projectHistory(@PathVariable String id) {
		return history.project(id).orElseThrow(() -> Problems.of(Kind.PROJECT_NOT_FOUND, id).exception());
	}

	@GetMapping(path = "/api/audit/events", produces = "application/json")
	EventPage events(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Violations v = new Violations();
		v.check(page >= 0, "page", "must be 0 or more");
		v.check(size >= 1 && size <= 200, "size", "must be between 1 and 200");
		String eventType = type == null || type.isBlank() ? null : type.trim();
		if (eventType != null) {
			v.check(types.storedName(eventType).isPresent(), "type",
					"'" + type + "' is not an event type; use one of " + types.simpleNames());
		}
		if (from != null && to != null) {
			v.check(!to.isBefore(from), "to", "must not be before from (" + from + ")");
		}
		v.throwIfAny();
		return history.search(new EventSearch(from, to, actor == null || actor.isEmpty() ? null : actor, eventType),
				page, size);
	}
}
