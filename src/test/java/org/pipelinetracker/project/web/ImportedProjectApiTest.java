package org.pipelinetracker.project.web;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project whose stage its publisher reported, over HTTP: the status shown is the reported one, the contradiction is
 * a data-quality flag the list filters on, and typed commands keep their rules with a 409 naming what is missing,
 * never a 500; FINALISATION is reached with {@code POST /finalise}, accepts money but no new commitment, and completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=imported-project")
@ActiveProfiles("test")
class ImportedProjectApiTest {

	private static final String XML = """
			<iati-activities version="2.03"><iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
			<iati-identifier>XM-DAC-41114-UZB-00123</iati-identifier>
			<reporting-org ref="XM-DAC-41114" type="40"><narrative>United Nations Development Programme</narrative></reporting-org>
			<title><narrative>Aral Sea resilience</narrative></title>
			<participating-org ref="XM-DAC-41114" type="40" role="4"><narrative>United Nations Development Programme</narrative>
			  <narrative xml:lang="ru">Программа развития ООН</narrative></participating-org>
			<activity-status code="2"/>
			<activity-date type="1" iso-date="2024-01-15"/><activity-date type="2" iso-date="2024-02-01"/>
			<recipient-country code="UZ" percentage="100"/>
			<sector code="41010" vocabulary="1"/>
			<document-link url="https://www.undp.org/uzbekistan/aral-prodoc.pdf" format="application/pdf">
			  <title><narrative>Project document</narrative><narrative xml:lang="uz">Loyiha hujjati</narrative></title>
			  <category code="A02"/><language code="en"/><language code="uz"/><document-date iso-date="2024-01-20"/>
			</document-link>
			</iati-activity></iati-activities>
			""";
	private static final String ID = "XM-DAC-41114-UZB-00123";

	@LocalServerPort
	int port;

	@Test
	void theReportedStatusIsShownFlaggedAndTypedCommandsAreRefusedWith409() {
		Api api = new Api(port);
		Response imported = api.postRaw("/api/import/iati?fileName=undp.xml", "application/xml", XML);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		api.eventually("/api/projects/" + ID, r -> r.status() == 200);
		JsonNode p = api.get("/api/projects/" + ID).json();
		assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(p.path("iatiStatus").asString()).isEqualTo("2");
		assertThat(p.path("reportedStatus").path("reportingOrgName").asString()).isEqualTo("United Nations Development Programme");
		assertThat(p.path("dataQuality").get(0).path("flag").asString()).isEqualTo("STATUS_WITHOUT_FUNDING");
		assertThat(p.path("partners").get(0).path("ref").asString()).isEqualTo("XM-DAC-41114");
		assertThat(p.path("partners").get(0).path("country").isNull()).isTrue();
		assertThat(p.path("partners").get(0).path("names").path("ru").asString()).isEqualTo("Программа развития ООН");
		assertThat(p.path("documents").get(0).path("titles").path("uz").asString()).isEqualTo("Loyiha hujjati");
		assertThat(p.path("documents").get(0).path("languages").toString()).isEqualTo("[\"en\",\"uz\"]");

		api.eventually("/api/projects?flag=STATUS_WITHOUT_FUNDING", r -> r.body().contains(ID));
		api.awaitListed(ID); // every event of the import listed, the partners' names searched below included
		assertThat(api.get("/api/projects?flag=CLOSED_WITH_UNDISBURSED").body()).doesNotContain(ID);
		assertThat(api.get("/api/projects?flag=NO_SUCH_FLAG").status()).isEqualTo(400);
		assertThat(api.get("/api/projects?q=" + "Программа").body()).contains(ID);

		// typed commands keep their rules: no binding agreement, so no commitment and no incoming funds (409, not 500)
		Response commitment = api.post("/api/projects/" + ID + "/fundings", """
				{"fundingId":"UNDP-1","source":"OTHER","funder":"UNDP","amount":{"amount":"100000","currency":"USD"},
				 "committedOn":"2024-03-01"}""");
		assertThat(commitment.status()).as(commitment.toString()).isEqualTo(409);
		assertThat(commitment.json().path("detail").asString()).contains("no binding agreement is recorded");
		Response received = api.post("/api/projects/" + ID + "/incoming-funds", """
				{"amount":{"amount":"1000","currency":"USD"},"receivedOn":"2024-03-01","provider":"UNDP"}""");
		assertThat(received.status()).as(received.toString()).isEqualTo(409);

		// finalisation, then completion
		assertThat(api.post("/api/projects/" + ID + "/finalise", "{\"on\":\"2024-06-01\"}").status()).isEqualTo(200);
		JsonNode finalised = api.get("/api/projects/" + ID).json();
		assertThat(finalised.path("stage").asString()).isEqualTo("FINALISATION");
		assertThat(finalised.path("iatiStatus").asString()).isEqualTo("3");
		// the exports say so too: IATI activity status 3, the stage in the CSV; the document and organisation as kept
		String iati = api.get("/api/export/iati?stage=FINALISATION").body();
		assertThat(iati).contains("-" + ID + "</iati-identifier>", "<activity-status code=\"3\"",
				"pt:document-id=\"", "<narrative xml:lang=\"uz\">Loyiha hujjati</narrative>",
				"<narrative xml:lang=\"ru\">Программа развития ООН</narrative>", "ref=\"XM-DAC-41114\"");
		assertThat(api.get("/api/export/projects.csv?stage=FINALISATION").body()).contains(ID + ",").contains(",FINALISATION,3,");
		Response again = api.post("/api/projects/" + ID + "/finalise", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(api.post("/api/projects/" + ID + "/complete", "{\"on\":\"2024-07-01\"}").status()).isEqualTo(200);
		assertThat(api.get("/api/projects/" + ID).json().path("stage").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void aTypedProjectInFinalisationStillDisbursesButTakesNoNewCommitment() {
		Api api = new Api(port);
		String id = "FIN-TYPED-1";
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi","proposedOn":"2024-01-10"}"""
				.formatted(id)));
		ok(api.post("/api/projects/" + id + "/agreements", "{\"agreementId\":\"G\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\"}"));
		ok(api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"K","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-03-01"}"""));
		ok(api.post("/api/projects/" + id + "/start", "{\"on\":\"2024-04-01\"}"));
		ok(api.post("/api/projects/" + id + "/finalise", "{\"on\":\"2024-09-01\"}"));
		ok(api.post("/api/projects/" + id + "/disbursements",
				"{\"fundingId\":\"K\",\"amount\":{\"amount\":\"250000\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-09-15\"}"));
		Response commitment = api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"K2","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"5000","currency":"USD"},
				 "committedOn":"2024-09-20"}""");
		assertThat(commitment.status()).isEqualTo(409);
		assertThat(commitment.json().path("detail").asString()).contains("is in finalisation");
		JsonNode p = api.get("/api/projects/" + id).json();
		assertThat(p.path("stage").asString()).isEqualTo("FINALISATION");
		assertThat(p.path("disbursedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("250000");
		assertThat(p.path("reportedStatus").isNull()).isTrue();
		assertThat(p.path("dataQuality")).isEmpty();
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
