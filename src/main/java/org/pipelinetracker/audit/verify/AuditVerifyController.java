package org.pipelinetracker.audit.verify;

import org.pipelinetracker.audit.chain.ChainReport;
import org.pipelinetracker.audit.chain.ChainVerifier;
import org.pipelinetracker.documents.StoredFiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/audit/verify}: the hash chain over the event store re-computed, every read model rebuilt into
 * shadow storage and compared with the live one, and every stored document file checked against its recorded hash.
 */
@RestController
class AuditVerifyController {

	private final ReadModelVerifier readModels;
	private final ChainVerifier chain;
	private final StoredFiles files;

	AuditVerifyController(ReadModelVerifier readModels, ChainVerifier chain, StoredFiles files) {
		this.readModels = readModels;
		this.chain = chain;
		this.files = files;
	}

	/**
	 * What an auditor gets back. The read models were rebuilt from {@code eventsChecked} events, those stored up to
	 * global index {@code upToGlobalIndex}, as a rebuild counts them ({@code GET /api/admin/replay}: {@code total}
	 * and {@code upToGlobalIndex}); the chain was recomputed over {@code chainEventsChecked} events up to
	 * {@code chainUpToGlobalIndex} (events recorded in the last moments may not be chained yet). Every stored document
	 * file ({@code filesChecked}) was hashed again: {@code filesValid} is false when one no longer matches the hash its
	 * event recorded, and {@code fileMismatches} names each such document (project, document id, expected and actual
	 * hash; actual null when the file is gone).
	 */
	record Verification(long eventsChecked, long upToGlobalIndex, boolean chainValid, long chainEventsChecked,
			long chainUpToGlobalIndex, Long firstBrokenIndex, String chainProblem, boolean projectionsConsistent,
			boolean settled, List<String> projectionsChecked, List<ReadModelVerifier.Difference> differences,
			boolean filesValid, long filesChecked, List<StoredFiles.Mismatch> fileMismatches) {
	}

	@GetMapping(path = "/api/audit/verify", produces = "application/json")
	Verification verify() {
		ChainReport report = chain.verify();
		ReadModelVerifier.Result result = readModels.verify();
		StoredFiles.Report stored = files.verify();
		return new Verification(result.eventsChecked(), result.upToGlobalIndex(), report.chainValid(),
				report.eventsChecked(), report.upToGlobalIndex(), report.firstBrokenIndex(), report.problem(),
				result.projectionsConsistent(), result.settled(), result.projectionsChecked(), result.differences(),
				stored.valid(), stored.filesChecked(), stored.mismatches());
	}
}
