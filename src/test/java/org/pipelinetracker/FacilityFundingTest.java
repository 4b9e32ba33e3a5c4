package org.pipelinetracker;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Korea Eximbank commitments that draw on a credit facility, through the HTTP API: the limit holds for
 * commitments, corrections and refusals, and when two commitments race for the last headroom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityFundingTest {

	@LocalServerPort
	int port;

	@Test
	void commitmentsAndCorrectionsNeverExceedTheFacilityLimitEvenWhenRacing() throws Exception {
		Api api = new Api(port);
		assertThat(api.post("/api/facilities", """
				{"facilityId":"FAC-T","name":"EDCF test framework","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"100000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2027-12-31"}
				""").status()).isEqualTo(201);
		for (String id : List.of("FAC-A", "FAC-B", "FAC-C1", "FAC-C2")) {
			agreedProject(api, id);
		}

		assertThat(fund(api, "FAC-A", "F-A", "60000000").status()).isEqualTo(200);
		facility(api, "60000000.00");
		Response tooMuch = fund(api, "FAC-B", "F-B", "50000000");
		assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
		assertThat(tooMuch.json().path("detail").asString()).contains("USD 40000000.00 remains");
		assertThat(api.get("/api/projects/FAC-B").json().path("fundings").size()).isZero();
		assertThat(fund(api, "FAC-B", "F-B", "40000000").status()).isEqualTo(200);
		facility(api, "100000000.00");

		// a duplicate funding id is refused by the project: the reservation made for it is given back
		assertThat(fund(api, "FAC-A", "F-A", "1").status()).isEqualTo(409);
		// corrections move the facility's usage by the difference, and cannot exceed it either
		assertThat(correct(api, "FAC-A", "F-A", "70000000").status()).isEqualTo(409);
		facility(api, "100000000.00");
		assertThat(api.get("/api/projects/FAC-A").json().path("fundings").get(0).path("amount").path("amount").decimalValue())
				.isEqualByComparingTo("60000000");
		assertThat(correct(api, "FAC-A", "F-A", "50000000").status()).isEqualTo(200);
		facility(api, "90000000.00");

		// two commitments race for the last USD 10M: exactly one wins
		for (int round = 0; round < 3; round++) {
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Response>> racers = new ArrayList<>();
			for (String id : List.of("FAC-C1", "FAC-C2")) {
				String fundingId = "F-" + id + "-" + round;
				racers.add(pool.submit(() -> {
					start.await();
					return fund(api, id, fundingId, "10000000");
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> racer : racers) {
				statuses.add(racer.get().status());
			}
			pool.shutdown();
			if (round == 0) {
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				facility(api, "100000000.00");
			}
			else {
				assertThat(statuses).containsExactly(409, 409); // nothing left
			}
		}
		Response view = facility(api, "100000000.00");
		assertThat(view.json().path("remaining").path("amount").decimalValue()).isEqualByComparingTo("0");
		assertThat(view.json().path("projects").size()).isEqualTo(3);

		Response unknown = api.post("/api/projects/FAC-C1/fundings/eximbank", """
				{"fundingId":"F-X","instrument":"EDCF_LOAN","amount":{"amount":"1","currency":"USD"},
				 "committedOn":"2024-03-01","facilityId":"NO-SUCH-FACILITY"}""");
		assertThat(unknown.status()).isEqualTo(409);
		assertThat(unknown.json().path("field").asString()).isEqualTo("facilityId");
	}

	private static void agreedProject(Api api, String id) {
		assertThat(api.post("/api/projects", """
				{"projectId":"%s","title":"Facility project %s","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-10"}
				""".formatted(id, id)).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"L\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);
	}

	private static Response fund(Api api, String projectId, String fundingId, String amount) {
		return api.post("/api/projects/" + projectId + "/fundings/eximbank", """
				{"fundingId":"%s","instrument":"EDCF_LOAN","amount":{"amount":"%s","currency":"USD"},
				 "committedOn":"2024-03-01","facilityId":"FAC-T"}""".formatted(fundingId, amount));
	}

	private static Response correct(Api api, String projectId, String fundingId, String amount) {
		return api.post("/api/projects/" + projectId + "/fundings/" + fundingId + "/corrections",
				"{\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"USD\"},\"reason\":\"Amended\",\"on\":\"2024-04-01\"}");
	}

	private static Response facility(Api api, String committed) {
		return api.eventually("/api/facilities/FAC-T",
				r -> r.json().path("committed").path("amount").decimalValue().compareTo(new java.math.BigDecimal(committed)) == 0);
	}
}
