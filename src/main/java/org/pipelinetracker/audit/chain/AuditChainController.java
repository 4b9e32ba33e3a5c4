package org.pipelinetracker.audit.chain;

import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit}: the head of the event chain, the link at an index, and a full recomputation of the chain.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
class AuditChainController {

	private final ChainVerifier verifier;

	AuditChainController(ChainVerifier verifier) {
		this.verifier = verifier;
	}

	/** The latest event's index and chain hash: write it down to prove later that nothing up to it changed. */
	@GetMapping("/head")
	ChainHead head() {
		return verifier.head();
	}

	/** Recomputes every link: {@code chainValid}, and where it first breaks. */
	@GetMapping("/chain")
	ChainReport chain() {
		return verifier.verify();
	}

	/** The link of one event, to compare with a head written down earlier. */
	@GetMapping("/chain/{globalIndex}")
	ChainHead link(@PathVariable long globalIndex) {
		return verifier.link(globalIndex).orElseThrow(() -> new NotChainedException(globalIndex));
	}

	@ExceptionHandler(NotChainedException.class)
	ResponseEntity<ProblemDetail> notChained(NotChainedException ex) {
		return Problems.of(Kind.NOT_IN_CHAIN, ex.getMessage()).response();
	}

	/** No chain row for that index: never used, not chained yet, or deleted (which {@code /chain} reports). */
	static final class NotChainedException extends RuntimeException {

		NotChainedException(long globalIndex) {
			super("No event with global index " + globalIndex + " is in the chain: the index was never used, the "
					+ "event is not chained yet, or its chain row was deleted (GET /api/audit/chain tells which)",
					null, false, false);
		}
	}
}
