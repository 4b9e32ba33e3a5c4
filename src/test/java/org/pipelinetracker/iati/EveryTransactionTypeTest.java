package org.pipelinetracker.iati;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every IATI transaction type (1 to 13) of a crafted file is kept on import, a negative disbursement (a reversal)
 * with its sign; {@code GET /api/projects/{id}/transactions} lists each flow with its code; the export writes every
 * one under its code (XSD-valid), and importing that export into an empty instance gives the same flows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.test.context=every-transaction-type")
@ActiveProfiles("test")
class EveryTransactionTypeTest {

	private static final String FILE = """
			<iati-activities version="2.03"><iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
			<iati-identifier>UZ-ALLTYPES-1</iati-identifier>
			<title><narrative>Navoi water treatment</narrative></title>
			<description><narrative>Every kind of money flow</narrative></description>
			<participating-org role="4"><narrative>Ministry of Water</narrative></participating-org>
			<activity-status code="2"/>
			<activity-date type="2" iso-date="2024-02-01"/>
			<recipient-country code="UZ" percentage="100"/>
			<sector code="14020" percentage="100"/>
			<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>1000000</value>
			  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
			<transaction><transaction-type code="1"/><transaction-date iso-date="2024-03-01"/><value>50000</value>
			  <provider-org><narrative>Ministry of Finance</narrative></provider-org></transaction>
			<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-02"/><value>100000</value>
			  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org></transaction>
			<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-03"/><value>-500</value>
			  <description><narrative>Reversal of a duplicate payment</narrative></description></transaction>
			<transaction><transaction-type code="4"/><transaction-date iso-date="2024-03-04"/><value>20000</value>
			  <receiver-org><narrative>Navoi Suvokova</narrative></receiver-org></transaction>
			<transaction><transaction-type code="5"/><transaction-date iso-date="2024-03-05"/><value>1500</value>
			  <provider-org><narrative>Ministry of Finance</narrative></provider-org>
			  <receiver-org><narrative>Export-Import Bank of Korea</narrative></receiver-org></transaction>
			<transaction><transaction-type code="6"/><transaction-date iso-date="2024-03-06"/><value>10000</value></transaction>
			<transaction><transaction-type code="7"/><transaction-date iso-date="2024-03-07"/><value>700</value></transaction>
			<transaction><transaction-type code="8"/><transaction-date iso-date="2024-03-08"/><value>800</value></transaction>
			<transaction><transaction-type code="9"/><transaction-date iso-date="2024-03-09"/><value>900</value></transaction>
			<transaction><transaction-type code="10"/><transaction-date iso-date="2024-03-10"/><value>1000</value></transaction>
			<transaction><transaction-type code="11"/><transaction-date iso-date="2024-03-11"/><value>1100</value></transaction>
			<transaction><transaction-type code="12"/><transaction-date iso-date="2024-03-12"/><value>1200</value></transaction>
			<transaction><transaction-type code="13"/><transaction-date iso-date="2024-03-13"/><value currency="EUR">1300</value></transaction>
			</iati-activity></iati-activities>
			""";

	private static final List<String> EXPECTED = List.of(
			"2 commitment 2024-01-15 USD 1000000.00 provider Export-Import Bank of Korea",
			"1 incoming-funds 2024-03-01 USD 50000.00 provider Ministry of Finance",
			"3 disbursement 2024-03-02 USD 100000.00 provider Export-Import Bank of Korea",
			"3 other 2024-03-03 USD -500.00 provider null",
			"4 expenditure 2024-03-04 USD 20000.00 provider null",
			"5 other 2024-03-05 USD 1500.00 provider Ministry of Finance",
			"6 other 2024-03-06 USD 10000.00 provider null",
			"7 other 2024-03-07 USD 700.00 provider null",
			"8 other 2024-03-08 USD 800.00 provider null",
			"9 other 2024-03-09 USD 900.00 provider null",
			"10 other 2024-03-10 USD 1000.00 provider null",
			"11 other 2024-03-11 USD 1100.00 provider null",
			"12 other 2024-03-12 USD 1200.00 provider null",
			"13 other 2024-03-13 EUR 1300.00 provider null");

	@LocalServerPort
	int port;

	@Test
	void everyTypeIsKeptListedExportedAndRoundTripped() throws Exception {
		Api a = new Api(port);
		JsonNode report = importXml(a, FILE);
		assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(report.path("skipped")).as("nothing is dropped: " + report).isEmpty();

		JsonNode lines = transactions(a);
		assertThat(describe(lines)).containsExactlyElementsOf(EXPECTED);
		JsonNode reversal = lines.get(3);
		assertThat(reversal.path("description").asString()).isEqualTo("Reversal of a duplicate payment");
		assertThat(reversal.path("converted").path("currency").asString()).isEqualTo("USD");
		assertThat(reversal.path("converted").path("amount").decimalValue()).isEqualByComparingTo("-500.00");
		assertThat(lines.get(5).path("receiver").asString()).isEqualTo("Export-Import Bank of Korea");
		assertThat(lines.get(0).path("fundingId").asString()).isNotBlank();
		// the reversal is no disbursement: the commitment's disbursed stays what was disbursed
		JsonNode project = a.get("/api/projects/UZ-ALLTYPES-1").json();
		assertThat(project.path("disbursedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("100000.00");
		assertThat(project.path("otherTransactions")).hasSize(10);

		String exported = a.get("/api/export/iati").body();
		IatiRoundTripTest.validate(exported);
		for (int code = 1; code <= 13; code++) {
			assertThat(exported).contains("<transaction-type code=\"" + code + "\"");
		}
		assertThat(exported).contains(">-500.00<", "currency=\"EUR\" value-date=\"2024-03-13\">1300.00<");
		String csv = a.get("/api/export/transactions.csv").body();
		assertThat(csv.lines().filter(l -> l.startsWith("UZ-ALLTYPES-1,"))).hasSize(14);
		assertThat(csv).contains("UZ-ALLTYPES-1,,3,other,2024-03-03,-500.00,USD");

		// importing the export again records no flow twice; into an empty instance it gives the same flows
		JsonNode repeat = importXml(a, exported);
		assertThat(repeat.path("skipped")).as(repeat.toString()).isEmpty();
		assertThat(describe(transactions(a))).containsExactlyElementsOf(EXPECTED);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:tt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--tracker.seed.enabled=false", "--spring.profiles.active=test")) {
			Api b = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
			JsonNode again = importXml(b, exported);
			assertThat(again.path("skipped")).as(again.toString()).isEmpty();
			assertThat(describe(transactions(b))).containsExactlyElementsOf(EXPECTED);
		}
	}

	private JsonNode transactions(Api api) {
		Response r = api.get("/api/projects/UZ-ALLTYPES-1/transactions");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private static List<String> describe(JsonNode lines) {
		List<String> result = new ArrayList<>();
		for (JsonNode l : lines) {
			result.add(l.path("type").asString() + " " + l.path("kind").asString() + " " + l.path("date").asString() + " "
					+ l.path("value").path("currency").asString() + " "
					+ l.path("value").path("amount").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY)
							.toPlainString() + " provider "
					+ (l.path("provider").isNull() ? "null" : l.path("provider").asString()));
		}
		return result;
	}

	private static JsonNode importXml(Api api, String xml) {
		Response r = api.postRaw("/api/import/iati?fileName=all-types.xml", "application/xml", xml);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}
}
