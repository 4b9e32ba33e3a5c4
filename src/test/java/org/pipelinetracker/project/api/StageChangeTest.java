package org.pipelinetracker.project.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event that puts the project in a stage says which and since when; and what an event says beyond its record
 * components ({@code effectiveDate()}, {@code stageAfter()}, {@code stageChangedOn()}) is never written to its JSON,
 * which the hash chain and the upcasters depend on.
 */
class StageChangeTest {

	static final ProjectId P = ProjectId.of("KR-UZ-STAGES-1");
	static final LocalDate ON = LocalDate.of(2025, 5, 1);

	static List<ProjectEvent> oneOfEach() {
		Money usd = Money.of("100.00", "USD");
		return List.of(
				new ProjectProposedEvent(P, "T", "D", "14020", "UZ-TO", List.of(), usd, ON, null, null),
				new AgreementSignedEvent(P, "L1", AgreementType.LOAN, ON, List.of("A"), null),
				new ProjectStageChangedEvent(P, Stage.AGREED, Stage.FINANCED, ON),
				new FundingCommittedEvent(P, "E1", FundingSource.EXIMBANK, EximbankInstrument.EDCF_LOAN, "KEXIM", usd,
						ON, new LoanTerms(new BigDecimal("0.10"), 40, 10), "421", "10", null),
				new FundingCommitmentCorrectedEvent(P, "E1", usd, Money.of("90", "USD"), "why", ON),
				new DisbursementRecordedEvent(P, "E1", usd, ON),
				new IncomingFundsRecordedEvent(P, usd, ON, null, "KEXIM", null, null),
				new ExpenditureRecordedEvent(P, usd, ON, null, null, null, null),
				new MilestoneRecordedEvent(P, "M", "Design", ON, null, ON),
				new ProjectTextRecordedEvent(P, "ru", "Т", "Д", ON),
				new ProjectStalledEvent(P, StallKind.NO_FUNDING, null, 180, ON, null),
				new ImplementationStartedEvent(P, ON),
				new ProjectSuspendedEvent(P, ON, "why", Stage.IMPLEMENTATION),
				new ProjectResumedEvent(P, ON, Stage.IMPLEMENTATION),
				new ProjectCompletedEvent(P, ON),
				new ProjectCancelledEvent(P, ON, "why", Stage.FINANCED),
				new ProjectFinalisedEvent(P, ON),
				new ActivityStatusReportedEvent(P, "3", Stage.FINALISATION, ON, "XM-DAC-41114", "UNDP", "undp.xml", null),
				new DocumentLinkedEvent(P, "D-1", DocumentSource.IATI_LINK, "https://example.org/d.pdf",
						java.util.Map.of("en", "Report"), java.util.Map.of(), "application/pdf", List.of("A01"), List.of("en"),
						ON, ON),
				new ImportNotesRecordedEvent(P, "undp.xml", null,
						List.of(new ImportNote(ImportNote.Kind.ADJUSTED, "UNDP-1", "region recorded as Multiple regions")), ON),
				new FundingCancelledEvent(P, "E1", Money.of("10", "USD"), Money.of("90", "USD"), ON, "why"),
				new TransactionRecordedEvent(P, TransactionRecordedEvent.LOAN_REPAYMENT, usd, ON, "E1", "MoF", "KEXIM", null),
				new DocumentAttachedEvent(P, "DOC-1", "0".repeat(64), 10, "application/pdf", "a.pdf", "Report", "A01", "en",
						ON, null, null, ON),
				new BudgetRecordedEvent(P, "E1", ON, ON.plusMonths(11), usd, BudgetRecordedEvent.REVISED,
						BudgetRecordedEvent.COMMITTED, ON, ON),
				new PlannedDisbursementRecordedEvent(P, null, ON, null, usd, null, null, "KEXIM", "MoF", ON),
				new LoanDatesRecordedEvent(P, "E1", ON, ON.plusYears(5), ON.plusYears(4), ON),
				new MoneyEntrySubmittedEvent(P, "A-1", MoneyEntryKind.DISBURSEMENT, "E1", usd, ON, "bob", null, null,
						new DisbursementRecordedEvent(P, "E1", usd, ON)),
				new MoneyEntryApprovedEvent(P, "A-1", MoneyEntryKind.DISBURSEMENT, "bob", "dave", ON),
				new MoneyEntryRejectedEvent(P, "A-2", MoneyEntryKind.COMMITMENT, "bob", "dave", "why", ON));
	}

	@Test
	void everyProjectEventIsCovered() {
		Set<Class<?>> sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
		List<Class<?>> permitted = new ArrayList<>();
		for (Class<?> type : ProjectEvent.class.getPermittedSubclasses()) {
			permitted.addAll(type.isInterface() ? Arrays.asList(type.getPermittedSubclasses()) : List.of(type));
		}
		assertThat(sampled).containsExactlyInAnyOrderElementsOf(permitted);
	}

	@Test
	void eachStageChangeSaysWhichStageFollowsAndSinceWhen() {
		LocalDate proposed = LocalDate.of(2025, 1, 10);
		assertThat(Stream.of(
				new ProjectProposedEvent(P, "T", null, "14020", "UZ-TO", List.of(), null, proposed, null, null),
				new ProjectStageChangedEvent(P, Stage.PROPOSED, Stage.AGREED, ON.plusDays(1)),
				new ImplementationStartedEvent(P, ON.plusDays(2)),
				new ProjectSuspendedEvent(P, ON.plusDays(3), "why", Stage.IMPLEMENTATION),
				new ProjectResumedEvent(P, ON.plusDays(4), Stage.IMPLEMENTATION),
				new ProjectCompletedEvent(P, ON.plusDays(5)),
				new ProjectCancelledEvent(P, ON.plusDays(6), "why", Stage.FINANCED),
				new ProjectFinalisedEvent(P, ON.plusDays(7)))
				.map(e -> e.stageAfter() + " since " + e.stageChangedOn()))
				.containsExactly("PROPOSED since 2025-01-10", "AGREED since 2025-05-02", "IMPLEMENTATION since 2025-05-03",
						"SUSPENDED since 2025-05-04", "IMPLEMENTATION since 2025-05-05", "COMPLETED since 2025-05-06",
						"CANCELLED since 2025-05-07", "FINALISATION since 2025-05-08");
	}

	@Test
	void anEventsJsonHasExactlyItsRecordComponents() {
		JsonMapper json = JsonMapper.builder().build();
		for (ProjectEvent event : oneOfEach()) {
			List<String> components = Arrays.stream(event.getClass().getRecordComponents())
					.map(RecordComponent::getName).toList();
			List<String> written = new ArrayList<>();
			json.readTree(json.writeValueAsString(event)).propertyNames().forEach(written::add);
			assertThat(written).as(event.getClass().getSimpleName()).containsExactlyElementsOf(components);
		}
	}
}
