package org.pipelinetracker.documents;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of every stored file against the SHA-256 it is stored under, which is the hash its
 * {@link org.pipelinetracker.project.api.DocumentAttachedEvent} recorded (and the hash chain covers): a file whose
 * bytes were changed behind the application's back, or that is gone, is named with each document that holds it.
 * Files are read one at a time, as streams.
 */
@Service
public class StoredFiles {

	/**
	 * A document whose stored file no longer matches: {@code actualSha256} is the hash of the bytes now stored, null
	 * when no file is stored under the recorded hash any more.
	 */
	public record Mismatch(String projectId, String documentId, String expectedSha256, String actualSha256) {
	}

	/** How many stored files were read, and every document whose file fails its hash. */
	public record Report(long filesChecked, List<Mismatch> mismatches) {

		public boolean valid() {
			return mismatches.isEmpty();
		}
	}

	private final DocumentContents contents;

	StoredFiles(DocumentContents contents) {
		this.contents = contents;
	}

	public Report verify() {
		Map<String, String> actual = new HashMap<>();
		long checked = 0;
		java.util.Set<String> stored = new java.util.HashSet<>(contents.hashes());
		for (String sha256 : stored) {
			Optional<String> now = hashOf(sha256);
			checked++;
			if (now.isPresent() && !now.get().equals(sha256)) {
				actual.put(sha256, now.get());
			}
		}
		List<Mismatch> mismatches = new ArrayList<>();
		for (DocumentContents.Reference ref : contents.references()) {
			if (actual.containsKey(ref.sha256())) {
				mismatches.add(new Mismatch(ref.projectId(), ref.documentId(), ref.sha256(), actual.get(ref.sha256())));
			}
			else if (!stored.contains(ref.sha256())) {
				mismatches.add(new Mismatch(ref.projectId(), ref.documentId(), ref.sha256(), null));
			}
		}
		return new Report(checked, List.copyOf(mismatches));
	}

	/** The hash of the bytes stored under {@code sha256} now, empty when nothing is stored under it. */
	Optional<String> hashOf(String sha256) {
		return contents.read(sha256, in -> Sha256.of(in, null, Long.MAX_VALUE).hex());
	}

}
