package org.pipelinetracker.audit.verify;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/verify}: rebuild every read model into shadow storage and compare it with the live one.
 */
@RestController
class AuditVerifyController {

	private final ReadModelVerifier verifier;

	AuditVerifyController(ReadModelVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping(path = "/api/audit/verify", produces = "application/json")
	ReadModelVerifier.Result verify() {
		return verifier.verify();
	}
}
