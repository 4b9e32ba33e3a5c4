package org.pipelinetracker.audit.replay;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/replay[?processor=]} starts a rebuild; {@code GET /api/admin/replay} shows its progress;
 * {@code DELETE /api/admin/replay} cancels it.
 */
@RestController
@RequestMapping(path = "/api/admin/replay", produces = "application/json")
class ReplayController {

	private final ReplayService replays;

	ReplayController(ReplayService replays) {
		this.replays = replays;
	}

	@PostMapping
	@ApiResponse(responseCode = "202", description = "The rebuild was started; GET shows its progress",
			useReturnTypeSchema = true)
	ResponseEntity<ReplayService.Status> start(@RequestParam(required = false) String processor) {
		return ResponseEntity.accepted().body(replays.start(processor == null || processor.isBlank() ? null : processor.trim()));
	}

	/** Stops the running rebuild; the live read models stay as they were. */
	@DeleteMapping
	ReplayService.Status cancel() {
		return replays.cancel();
	}

	@GetMapping
	ReplayService.Status status() {
		return replays.status();
	}

	@ExceptionHandler(ReplayService.AlreadyRunningException.class)
	ResponseEntity<ProblemDetail> alreadyRunning(ReplayService.AlreadyRunningException ex) {
		return Problems.of(Kind.REPLAY_RUNNING, ex.getMessage()).response();
	}
}
