package org.pipelinetracker.facility.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.facility.api.CreateFacilityCommand;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.api.ReleaseFacilityHeadroomCommand;
import org.pipelinetracker.facility.api.ReserveFacilityHeadroomCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;
import java.util.Objects;

import static org.hamcrest.Matchers.containsString;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * The rules of the {@link Facility} aggregate, one behaviour per test: given (past events) / when (a command) /
 * expect (new events and the version, or a rejection).
 * <p>
 * The story: Korea's EDCF framework for Uzbekistan, USD 2,000,000,000.00, lending from 2024-01-01 to 2027-12-31.
 */
class FacilityTest {

	private static final FacilityId ID = FacilityId.of("EDCF-UZ-2024-2027");
	private static final String NAME = "EDCF framework arrangement Korea–Uzbekistan 2024–2027";
	private static final String LENDER = "Export-Import Bank of Korea (EDCF)";
	private static final Money LIMIT = usd("2000000000.00");
	private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
	private static final LocalDate TO = LocalDate.of(2027, 12, 31);
	private static final LocalDate COMMITTED_ON = LocalDate.of(2025, 5, 1);

	private static final String TRAINS = "KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS";
	private static final String CLINIC = "KR-UZ-ONCOLOGY-CLINIC";

	private FixtureConfiguration<Facility> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Facility.class);
	}

	// ============================================================================================================
	@Nested
	class CreateFacility {

		@Test
		void opensAFacility() {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, LIMIT, FROM, TO))
					.expectSuccessfulHandlerExecution()
					.expectEvents(created());
		}

		@Test
		void mayLendOnASingleDay() {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, LIMIT, FROM, FROM))
					.expectEvents(new FacilityCreatedEvent(ID, NAME, LENDER, LIMIT, FROM, FROM));
		}

		@ParameterizedTest(name = "limit {0}")
		@ValueSource(strings = {"0", "0.00", "-1.00"})
		void refusesALimitThatIsNotPositive(String amount) {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, usd(amount), FROM, TO))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, "limit.amount"))
					.expectExceptionMessage("the limit must be greater than zero");
		}

		@Test
		void refusesAMissingLimit() {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, null, FROM, TO))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, "limit.amount"));
		}

		@Test
		void refusesAnEndBeforeTheStart() {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, LIMIT, TO, FROM))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, "validTo"))
					.expectExceptionMessage("validTo (2024-01-01) is before validFrom (2027-12-31)");
		}

		@Test
		void refusesMissingDates() {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, LIMIT, null, TO))
					.expectException(rejection(INVALID_INPUT, "validFrom"));
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, LENDER, LIMIT, FROM, null))
					.expectException(rejection(INVALID_INPUT, "validTo"));
		}

		@ParameterizedTest(name = "name ''{0}''")
		@NullAndEmptySource
		@ValueSource(strings = " ")
		void refusesABlankNameOrLender(String blank) {
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, blank, LENDER, LIMIT, FROM, TO))
					.expectException(rejection(INVALID_INPUT, "name"));
			fixture.givenNoPriorActivity()
					.when(new CreateFacilityCommand(ID, NAME, blank, LIMIT, FROM, TO))
					.expectException(rejection(INVALID_INPUT, "lender"));
		}
	}

	// ============================================================================================================
	@Nested
	class Reserve {

		@Test
		void reservesHeadroomAndAnswersTheVersion() {
			fixture.given(created())
					.when(reserve(TRAINS, "EDCF-1", "250000000.00", COMMITTED_ON))
					.expectSuccessfulHandlerExecution()
					.expectEvents(reserved(TRAINS, "EDCF-1", "250000000.00", COMMITTED_ON))
					.expectResultMessagePayload(1L);
		}

		@Test
		void mayUseTheLimitUpToTheLastCent() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "1999999900.00", COMMITTED_ON))
					.when(reserve(CLINIC, "EDCF-2", "100.00", COMMITTED_ON))
					.expectEvents(reserved(CLINIC, "EDCF-2", "100.00", COMMITTED_ON))
					.expectResultMessagePayload(2L);
		}

		@Test
		void refusesToExceedTheLimitAndSaysWhatRemains() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "1999999900.00", COMMITTED_ON))
					.when(reserve(CLINIC, "EDCF-2", "100.01", COMMITTED_ON))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage("reserving USD 100.01 for funding 'EDCF-2' of project " + CLINIC
							+ " would exceed the limit of facility EDCF-UZ-2024-2027: the limit is USD 2000000000.00,"
							+ " USD 1999999900.00 is already committed and USD 100.00 remains");
		}

		@Test
		void refusesAnyReservationOnceTheLimitIsUsed() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "2000000000.00", COMMITTED_ON))
					.when(reserve(CLINIC, "EDCF-2", "0.01", COMMITTED_ON))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("and USD 0.00 remains"));
		}

		@Test
		void reservingAgainForTheSameFundingAddsToIt() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "250000000.00", COMMITTED_ON))
					.when(reserve(TRAINS, "EDCF-1", "50000000.00", LocalDate.of(2025, 9, 1)))
					.expectEvents(reserved(TRAINS, "EDCF-1", "50000000.00", LocalDate.of(2025, 9, 1)));
			// both count: what the funding holds, and against the limit
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "1000000000.00", COMMITTED_ON),
							reserved(TRAINS, "EDCF-1", "900000000.00", COMMITTED_ON))
					.when(reserve(CLINIC, "EDCF-2", "100000000.01", COMMITTED_ON))
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("USD 1900000000.00 is already committed and USD 100000000.00 remains"));
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "1000000000.00", COMMITTED_ON),
							reserved(TRAINS, "EDCF-1", "900000000.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-1", "1900000000.00", "cancelled"))
					.expectEvents(released(TRAINS, "EDCF-1", "1900000000.00", "cancelled"));
		}

		@Test
		void releasedHeadroomCanBeReservedAgain() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "2000000000.00", COMMITTED_ON),
							released(TRAINS, "EDCF-1", "300000000.00", "corrected downwards"))
					.when(reserve(CLINIC, "EDCF-2", "300000000.00", COMMITTED_ON))
					.expectEvents(reserved(CLINIC, "EDCF-2", "300000000.00", COMMITTED_ON))
					.expectResultMessagePayload(3L);
		}

		@Test
		void refusesAnotherCurrency() {
			fixture.given(created())
					.when(new ReserveFacilityHeadroomCommand(ID, TRAINS, "EDCF-1", Money.of("1000000", "KRW"), COMMITTED_ON))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.currency"))
					.expectExceptionMessage(containsString("facility EDCF-UZ-2024-2027 lends in USD"));
		}

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2023-12-31", "2028-01-01"})
		void refusesACommitmentOutsideTheFacilitysValidity(String date) {
			fixture.given(created())
					.when(reserve(TRAINS, "EDCF-1", "1.00", LocalDate.parse(date)))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage("the commitment is dated " + date + ", outside facility EDCF-UZ-2024-2027,"
							+ " which lends from 2024-01-01 to 2027-12-31");
		}

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2024-01-01", "2027-12-31"})
		void acceptsACommitmentOnTheFirstAndLastDay(String date) {
			fixture.given(created())
					.when(reserve(TRAINS, "EDCF-1", "1.00", LocalDate.parse(date)))
					.expectEvents(reserved(TRAINS, "EDCF-1", "1.00", LocalDate.parse(date)));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0", "0.00", "-5.00"})
		void refusesAnAmountThatIsNotPositive(String amount) {
			fixture.given(created())
					.when(reserve(TRAINS, "EDCF-1", amount, COMMITTED_ON))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage("amount must be greater than zero");
		}

		@Test
		void refusesAMissingAmountOrDate() {
			fixture.given(created())
					.when(new ReserveFacilityHeadroomCommand(ID, TRAINS, "EDCF-1", null, COMMITTED_ON))
					.expectException(rejection(INVALID_INPUT, "amount.amount"));
			fixture.given(created())
					.when(new ReserveFacilityHeadroomCommand(ID, TRAINS, "EDCF-1", usd("1.00"), null))
					.expectException(rejection(INVALID_INPUT, "committedOn"));
		}

		@ParameterizedTest(name = "projectId ''{0}'', fundingId ''{1}''")
		@CsvSource(value = {"NULL, EDCF-1, projectId", "' ', EDCF-1, projectId", "ab, EDCF-1, projectId",
				"'KR UZ', EDCF-1, projectId", "P-1, NULL, fundingId", "P-1, 'EDCF 1', fundingId"}, nullValues = "NULL")
		void refusesMalformedIds(String projectId, String fundingId, String field) {
			fixture.given(created())
					.when(new ReserveFacilityHeadroomCommand(ID, projectId, fundingId, usd("1.00"), COMMITTED_ON))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, field));
		}

		@Test
		void anUnknownFacilityIsNotFound() {
			fixture.givenNoPriorActivity()
					.when(reserve(TRAINS, "EDCF-1", "1.00", COMMITTED_ON))
					.expectException(AggregateNotFoundException.class);
		}
	}

	// ============================================================================================================
	@Nested
	class Release {

		@Test
		void releasesPartOfAReservation() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "250000000.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-1", "50000000.00", "commitment corrected to USD 200M"))
					.expectEvents(released(TRAINS, "EDCF-1", "50000000.00", "commitment corrected to USD 200M"))
					.expectResultMessagePayload(2L);
		}

		@Test
		void releasesAllOfAReservationAndTheHeadroomReturns() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "2000000000.00", COMMITTED_ON),
							released(TRAINS, "EDCF-1", "2000000000.00", "the project refused the commitment"))
					.when(reserve(CLINIC, "EDCF-2", "2000000000.00", COMMITTED_ON))
					.expectEvents(reserved(CLINIC, "EDCF-2", "2000000000.00", COMMITTED_ON));
		}

		@Test
		void refusesToReleaseMoreThanIsReservedForThatFunding() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON),
							reserved(CLINIC, "EDCF-1", "500.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-1", "60.01", null))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage("cannot release USD 60.01 for funding 'EDCF-1' of project " + TRAINS
							+ " from facility EDCF-UZ-2024-2027: only USD 60.00 is reserved for it");
		}

		@Test
		void refusesToReleaseWhatWasNeverReserved() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-2", "1.00", null))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("nothing is reserved for it"));
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON),
							released(TRAINS, "EDCF-1", "60.00", null))
					.when(release(TRAINS, "EDCF-1", "0.01", null))
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("nothing is reserved for it"));
		}

		@Test
		void refusesAnotherCurrency() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON))
					.when(new ReleaseFacilityHeadroomCommand(ID, TRAINS, "EDCF-1", Money.of("60.00", "EUR"), null))
					.expectNoEvents()
					.expectException(rejection(RULE_VIOLATION, "amount.currency"))
					.expectExceptionMessage(containsString("lends in USD"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0", "-1.00"})
		void refusesAnAmountThatIsNotPositive(String amount) {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-1", amount, null))
					.expectNoEvents()
					.expectException(rejection(INVALID_INPUT, "amount.amount"));
		}

		@Test
		void aBlankReasonIsRecordedAsNone() {
			fixture.given(created(), reserved(TRAINS, "EDCF-1", "60.00", COMMITTED_ON))
					.when(release(TRAINS, "EDCF-1", "60.00", "  "))
					.expectEvents(released(TRAINS, "EDCF-1", "60.00", null));
		}
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static FacilityCreatedEvent created() {
		return new FacilityCreatedEvent(ID, NAME, LENDER, LIMIT, FROM, TO);
	}

	private static ReserveFacilityHeadroomCommand reserve(String projectId, String fundingId, String amount,
			LocalDate committedOn) {
		return new ReserveFacilityHeadroomCommand(ID, projectId, fundingId, usd(amount), committedOn);
	}

	private static FacilityHeadroomReservedEvent reserved(String projectId, String fundingId, String amount,
			LocalDate committedOn) {
		return new FacilityHeadroomReservedEvent(ID, projectId, fundingId, usd(amount), committedOn);
	}

	private static ReleaseFacilityHeadroomCommand release(String projectId, String fundingId, String amount,
			String reason) {
		return new ReleaseFacilityHeadroomCommand(ID, projectId, fundingId, usd(amount), reason);
	}

	private static FacilityHeadroomReleasedEvent released(String projectId, String fundingId, String amount,
			String reason) {
		return new FacilityHeadroomReleasedEvent(ID, projectId, fundingId, usd(amount), reason);
	}

	private static Matcher<CommandRejectedException> rejection(CommandRejectedException.Kind kind, String field) {
		return new TypeSafeDiagnosingMatcher<>() {
			@Override
			protected boolean matchesSafely(CommandRejectedException rejected, Description mismatch) {
				if (rejected.kind() == kind && Objects.equals(rejected.field(), field)) {
					return true;
				}
				mismatch.appendText("was ").appendValue(rejected.kind()).appendText(" on field ")
						.appendValue(rejected.field()).appendText(": ").appendText(rejected.getMessage());
				return false;
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a ").appendValue(kind).appendText(" rejection on field ").appendValue(field);
			}
		};
	}
}
