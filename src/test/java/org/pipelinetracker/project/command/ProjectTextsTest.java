package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectTextRecordedEvent;
import org.pipelinetracker.project.api.ProposeProjectCommand;
import org.pipelinetracker.project.api.RecordProjectTextCommand;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * A project's title and description in several languages: the proposal's language (English when none is given), and
 * texts recorded in other languages later, corrected by recording them again.
 */
class ProjectTextsTest extends ProjectFixture {

	static final String TITLE = "Tashkent Province Water Supply Modernisation";
	static final String DESCRIPTION = "Rehabilitation of water intake, treatment and distribution networks";
	static final String KO_TITLE = "타슈켄트주 상수도 현대화";
	static final String KO_DESCRIPTION = "취수, 정수 및 배수망 개보수";
	static final String RU_TITLE = "Модернизация водоснабжения Ташкентской области";

	static RecordProjectTextCommand text(String language, String title, String description, LocalDate on) {
		return new RecordProjectTextCommand(ID, language, title, description, on);
	}

	@Nested
	class ProposalLanguage {

		ProposeProjectCommand proposeIn(String language) {
			return new ProposeProjectCommand(ID, KO_TITLE, KO_DESCRIPTION, "14020", "UZ-TO", PARTNERS, ESTIMATED_COST,
					PROPOSED_ON, null, null, language);
		}

		@Test
		void aProposalWithoutALanguageIsInEnglish() {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, null, null, ESTIMATED_COST))
					.expectEvents(new ProjectProposedEvent(ID, TITLE, DESCRIPTION, "14020", "UZ-TO", PARTNERS,
							ESTIMATED_COST, PROPOSED_ON, null, null, "en"));
		}

		@Test
		void aProposalKeepsItsLanguageInItsCanonicalForm() {
			fixture.givenNoPriorActivity()
					.when(proposeIn("KO"))
					.expectEvents(new ProjectProposedEvent(ID, KO_TITLE, KO_DESCRIPTION, "14020", "UZ-TO", PARTNERS,
							ESTIMATED_COST, PROPOSED_ON, null, null, "ko"));
		}

		@Test
		void rejectsAProposalInAnUnknownLanguage() {
			givenNoPriorActivity().when(proposeIn("korean"))
					.expectRejected(INVALID_INPUT, "language", "'korean' is not a language tag");
		}
	}

	@Nested
	class RecordText {

		@Test
		void recordsATitleAndDescriptionInAnotherLanguage() {
			fixture.given(financed())
					.when(text("ko", KO_TITLE, KO_DESCRIPTION, TODAY))
					.expectEvents(new ProjectTextRecordedEvent(ID, "ko", KO_TITLE, KO_DESCRIPTION, TODAY));
		}

		@Test
		void aTitleAloneIsEnoughAndTheTagIsCanonical() {
			fixture.given(financed())
					.when(text("UZ-cyrl", "Тошкент вилояти сув таъминоти", null, COMMITTED_ON))
					.expectEvents(new ProjectTextRecordedEvent(ID, "uz-Cyrl", "Тошкент вилояти сув таъминоти", null,
							COMMITTED_ON));
		}

		@Test
		void recordingALanguageAgainCorrectsItKeepingWhatIsLeftOut() {
			fixture.given(concat(financed(), new ProjectTextRecordedEvent(ID, "ru", "Модернизация водоснабжения", "Реконструкция сетей", AGREED_ON)))
					.when(text("ru", RU_TITLE, null, TODAY))
					.expectEvents(new ProjectTextRecordedEvent(ID, "ru", RU_TITLE, "Реконструкция сетей", TODAY));
		}

		@Test
		void recordingTheSameTextAgainRecordsNothing() {
			fixture.given(concat(financed(), new ProjectTextRecordedEvent(ID, "ru", RU_TITLE, null, AGREED_ON)))
					.when(text("ru", RU_TITLE, null, TODAY))
					.expectNoEvents()
					.expectSuccessfulHandlerExecution();
		}

		@Test
		void theOriginalsLanguageIsTheProposalsNotAlwaysEnglish() {
			Object[] koreanProposal = {new ProjectProposedEvent(ID, KO_TITLE, null, "14020", "UZ-TO", PARTNERS,
					ESTIMATED_COST, PROPOSED_ON, null, null, "ko")};
			fixture.given(koreanProposal)
					.when(text("en", TITLE, null, TODAY))
					.expectEvents(new ProjectTextRecordedEvent(ID, "en", TITLE, null, TODAY));
			givenOriginalIn("ko").when(text("ko", "다른 제목", null, TODAY))
					.expectRejected(RULE_VIOLATION, "language", "original title and description are in 'ko'");
		}

		When givenOriginalIn(String language) {
			return given(new ProjectProposedEvent(ID, KO_TITLE, null, "14020", "UZ-TO", PARTNERS, ESTIMATED_COST,
					PROPOSED_ON, null, null, language));
		}

		@Test
		void rejectsATextInTheOriginalsLanguage() {
			given(financed()).when(text("EN", "Another title", null, TODAY))
					.expectRejected(RULE_VIOLATION, "language", "original title and description are in 'en'",
							"record a text in another language");
		}

		@ParameterizedTest
		@ValueSource(strings = {"korean", "xx", "12", "en_", "ko-x-private", "en-u-nu-thai", " "})
		void rejectsAnUnknownLanguage(String language) {
			given(financed()).when(text(language, KO_TITLE, null, TODAY))
					.expectRejected(INVALID_INPUT, "language", "is not a language tag", "BCP 47");
		}

		@Test
		void rejectsATextWithNeitherTitleNorDescription() {
			given(financed()).when(text("ko", null, null, TODAY))
					.expectRejected(INVALID_INPUT, "title", "give a title, a description or both");
		}

		@Test
		void rejectsABlankTitle() {
			given(financed()).when(text("ko", "  ", KO_DESCRIPTION, TODAY))
					.expectRejected(INVALID_INPUT, "title", "a title cannot be blank");
		}

		@Test
		void rejectsABlankDescription() {
			given(financed()).when(text("ko", KO_TITLE, "", TODAY))
					.expectRejected(INVALID_INPUT, "description", "a description cannot be blank");
		}

		@Test
		void rejectsATextDatedBeforeTheProposal() {
			given(financed()).when(text("ko", KO_TITLE, null, PROPOSED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "on", "before the project was proposed on " + PROPOSED_ON);
		}

		@Test
		void rejectsATextDatedInTheFuture() {
			given(financed()).when(text("ko", KO_TITLE, null, TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}

		/** A text describes the record, not an act of the project: like a funding correction, every stage takes it. */
		@ParameterizedTest
		@EnumSource(Stage.class)
		void isAcceptedInEveryStageCompletedAndCancelledIncluded(Stage stage) {
			fixture.given(historyIn(stage))
					.when(text("ko", KO_TITLE, null, TODAY))
					.expectEvents(new ProjectTextRecordedEvent(ID, "ko", KO_TITLE, null, TODAY));
		}
	}

	@Nested
	class LanguageTags {

		@Test
		void acceptsTheFourLanguagesAndAnyIso6391LanguageWithScriptOrRegion() {
			for (String tag : new String[] {"en", "uz", "ru", "ko", "fr", "es", "uz-Cyrl", "uz-Latn", "en-GB", "zh-Hans-CN"}) {
				assertThat(ContentLanguage.canonical(tag)).as(tag).contains(tag);
			}
			assertThat(ContentLanguage.canonical("EN")).contains("en");
			assertThat(ContentLanguage.canonical("es_es")).contains("es-ES");
		}

		@Test
		void refusesWhatIsNoLanguage() {
			for (String tag : new String[] {null, "", "english", "xx", "e", "en-", "ko-x-private", "123"}) {
				assertThat(ContentLanguage.canonical(tag)).as(String.valueOf(tag)).isEmpty();
			}
		}
	}
}
