package org.pipelinetracker.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: server-sent events telling open pages that something was recorded ({@code change}:
 * {@code {"head", "projects", "versions", "facilities", "reload"}}), so they re-read what they show.
 */
@RestController
class ChangeStreamController {

	private final ChangeStream stream;

	ChangeStreamController(ChangeStream stream) {
		this.stream = stream;
	}

	@GetMapping(path = "/api/stream", produces = "text/event-stream")
	SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletResponse response) {
		// nginx (docker-compose) would otherwise buffer the stream
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-store");
		Long last = null;
		if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
			last = Long.parseLong(lastEventId);
		}
		return stream.connect(last);
	}

	@ExceptionHandler(ChangeStream.TooManyClientsException.class)
	ResponseEntity<ProblemDetail> tooMany(ChangeStream.TooManyClientsException ex) {
		// the stream's own media type is text/event-stream: the problem names its type itself
		return Problems.of(Kind.TOO_MANY_LIVE_CONNECTIONS, ex.max()).header(HttpHeaders.RETRY_AFTER, "10")
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE).response();
	}
}
