package org.pipelinetracker.audit.chain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash input is unambiguous: every field is length-prefixed and NULL is not the empty value.
 */
class ChainHashTest {

	private static StoredEvent event(String aggregate, String type, byte[] metaData) {
		return new StoredEvent(7, aggregate, 0, type, "e-1", "org.example.Proposed", null,
				"{}".getBytes(StandardCharsets.UTF_8), metaData, "2025-01-01T00:00:00Z");
	}

	@Test
	void movingBytesFromOneFieldToTheNextChangesTheHash() {
		assertThat(ChainHash.of(ChainHash.GENESIS_HASH, 0, event("AB", "C", null)))
				.isNotEqualTo(ChainHash.of(ChainHash.GENESIS_HASH, 0, event("A", "BC", null)));
	}

	@Test
	void missingMetadataIsNotEmptyMetadata() {
		assertThat(ChainHash.of(ChainHash.GENESIS_HASH, 0, event("A", "Project", null)))
				.isNotEqualTo(ChainHash.of(ChainHash.GENESIS_HASH, 0, event("A", "Project", new byte[0])));
	}

	@Test
	void theSameRowAfterTheSameLinkAlwaysHashesTheSame() {
		String hash = ChainHash.of(ChainHash.GENESIS_HASH, 0, event("A", "Project", new byte[] {1}));
		assertThat(hash).matches("[0-9a-f]{64}")
				.isEqualTo(ChainHash.of(ChainHash.GENESIS_HASH, 0, event("A", "Project", new byte[] {1})));
		assertThat(ChainHash.of(ChainHash.GENESIS_HASH, 5, event("A", "Project", new byte[] {1})))
				.as("the previous index is part of the input").isNotEqualTo(hash);
		assertThat(ChainHash.of(hash, 0, event("A", "Project", new byte[] {1})))
				.as("the previous hash is part of the input").isNotEqualTo(hash);
	}

	@Test
	void aPreviousHashThatIsNotSha256HexIsRefused() {
		assertThatThrownBy(() -> ChainHash.of("not-a-hash", 0, event("A", "Project", null)))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
