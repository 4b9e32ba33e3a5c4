package org.pipelinetracker.iati.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an iati-identifier becomes a project id, without Spring. */
class ProjectIdentifiersTest {

	@Test
	void aValidIdentifierIsTheProjectId() {
		assertThat(ProjectIdentifiers.projectId("44000-P175662")).isEqualTo("44000-P175662");
	}

	@Test
	void otherCharactersBecomeDashes() {
		assertThat(ProjectIdentifiers.projectId("KR GOV/UZ 2024 #1")).isEqualTo("KR-GOV-UZ-2024-1");
	}

	@Test
	void anIdentifierTooShortOrTooLongGetsAStableHashedId() {
		String shortId = ProjectIdentifiers.projectId("A");
		assertThat(shortId).matches("IATI-A-[0-9A-F]{12}").isEqualTo(ProjectIdentifiers.projectId("A"));
		String longId = ProjectIdentifiers.projectId("X".repeat(100));
		assertThat(longId).isEqualTo("IATI-" + "X".repeat(40) + "-" + ProjectIdentifiers.hash("X".repeat(100), 12));
		assertThat(ProjectIdentifiers.projectId("Y".repeat(100))).isNotEqualTo(longId);
	}

	@Test
	void ourOwnRecordIdsAreKeptOnlyInTheFormTheProjectTakes() {
		assertThat(ProjectIdentifiers.isRecordId("F-1.2_x")).isTrue();
		assertThat(ProjectIdentifiers.isRecordId("F 1")).isFalse();
		assertThat(ProjectIdentifiers.isRecordId("F".repeat(65))).isFalse();
		assertThat(ProjectIdentifiers.isRecordId(null)).isFalse();
	}
}
