package org.pipelinetracker.audit.verify;

import org.pipelinetracker.audit.chain.ChainReport;
import org.pipelinetracker.audit.chain.ChainVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/audit/verify}: the hash chain over the event store re-computed, and every read model rebuilt into
 * shadow storage and compared with the live one.
 */
@RestController
class AuditVerifyController {

	private final ReadModelVerifier readModels;
	private final ChainVerifier chain;

	AuditVerifyController(ReadModelVerifier readModels, ChainVerifier chain) {
		this.readModels = readModels;
		this.chain = chain;
	}

	/** What an auditor gets back. */
	record Verification(long eventsChecked, boolean chainValid, Long firstBrokenIndex, String chainProblem,
			boolean projectionsConsistent, List<String> projectionsChecked,
			List<ReadModelVerifier.Difference> differences) {
	}

	@GetMapping(path = "/api/audit/verify", produces = "application/json")
	Verification verify() {
		ChainReport report = chain.verify();
		ReadModelVerifier.Result result = readModels.verify();
		return new Verification(result.eventsChecked(), report.chainValid(), report.firstBrokenIndex(), report.problem(),
				result.projectionsConsistent(), result.projectionsChecked(), result.differences());
	}
}
