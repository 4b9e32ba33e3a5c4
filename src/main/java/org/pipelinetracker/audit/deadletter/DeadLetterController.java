package org.pipelinetracker.audit.deadletter;

import org.pipelinetracker.audit.deadletter.DeadLetters.DeadLettersNotFoundException;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/**
 * {@code /api/admin/dead-letters}: the events the projections could not handle, parked per processing group and
 * sequence (project) with their cause; retry a group once the cause is repaired, or evict a sequence.
 * <p>
 * Unknown groups and sequences answer 404 {@code /problems/not-found}; a bad {@code limit} 400. The actor of a
 * retry or eviction, the authenticated user (role ADMIN), is logged.
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = "application/json")
class DeadLetterController {

	static final int MAX_LIMIT = 1000;

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/** Every group with a queue: its counts, and the dead letters (at most {@code limit}). */
	@GetMapping
	DeadLetterReport list(@RequestParam(defaultValue = "200") int limit) {
		return deadLetters.report(deadLetters.groups(), checked(limit));
	}

	/** One group: its counts and dead letters (at most {@code limit}). */
	@GetMapping("/{processingGroup}")
	DeadLetterReport group(@PathVariable String processingGroup, @RequestParam(defaultValue = "200") int limit) {
		return deadLetters.report(List.of(processingGroup), checked(limit));
	}

	/** Handles the group's dead letters again; those that fail again stay, with one more attempt. */
	@PostMapping("/{processingGroup}/retry")
	RetryResult retry(@PathVariable String processingGroup, Principal principal) {
		return deadLetters.retry(processingGroup, AuditContext.of(principal).actor());
	}

	/** Drops the dead letters of one sequence without handling them (the read model then misses those events). */
	@DeleteMapping("/{processingGroup}/{sequenceIdentifier}")
	EvictionResult evict(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier,
			Principal principal) {
		return deadLetters.evict(processingGroup, sequenceIdentifier, AuditContext.of(principal).actor());
	}

	@ExceptionHandler(DeadLettersNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(DeadLettersNotFoundException ex) {
		return Problems.of(Kind.DEAD_LETTERS_NOT_FOUND, ex.getMessage()).response();
	}

	private static int checked(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
		}
		return limit;
	}
}
