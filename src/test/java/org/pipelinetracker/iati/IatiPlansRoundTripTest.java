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

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity's {@code budget}s (one revised) and {@code planned-disbursement}s are imported as the project's plans,
 * nothing dropped: the one outside the project's planned dates is reported with the reason; the export writes the
 * current plans (XSD-valid, before the transactions); importing the export again adds nothing, and into an empty
 * instance it gives the same plans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=iati-plans")
@ActiveProfiles("test")
class IatiPlansRoundTripTest {

	private static final String FILE = """
			<iati-activities version="2.03"><iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
			<iati-identifier>UZ-PLANS-1</iati-identifier>
			<title><narrative>Bukhara irrigation</narrative></title>
			<description><narrative>Plans and money</narrative></description>
			<participating-org role="4"><narrative>Ministry of Water</narrative></participating-org>
			<activity-status code="2"/>
			<activity-date type="1" iso-date="2024-01-01"/>
			<activity-date type="3" iso-date="2027-12-31"/>
			<recipient-country code="UZ" percentage="100"/>
			<sector code="14020" percentage="100"/>
			<budget type="1" status="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>
			  <value value-date="2024-01-01">500000</value></budget>
			<budget type="1" status="2"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>
			  <value value-date="2025-01-01">600000</value></budget>
			<budget type="2" status="2"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>
			  <value value-date="2025-01-01">550000.50</value></budget>
			<budget type="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/>
			  <value currency="EUR" value-date="2026-01-01">700000</value></budget>
			<planned-disbursement type="1"><period-start iso-date="2024-04-01"/><period-end iso-date="2024-06-30"/>
			  <value value-date="2024-04-01">100000</value>
			  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org>
			  <receiver-org><narrative>Ministry of Water</narrative></receiver-org></planned-disbursement>
			<planned-disbursement><period-start iso-date="2024-07-01"/><value value-date="2024-07-01">150000</value></planned-disbursement>
			<planned-disbursement><period-start iso-date="2029-01-01"/><period-end iso-date="2029-03-31"/>
			  <value value-date="2029-01-01">1</value></planned-disbursement>
			<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>1000000</value>
			  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
			</iati-activity></iati-activities>
			""";

	private static final List<String> BUDGETS = List.of(
			"null 2024-01-01..2024-12-31 USD 500000.00 type 1 status 1",
			"null 2025-01-01..2025-12-31 USD 550000.50 type 2 status 2",
			"null 2026-01-01..2026-12-31 EUR 700000.00 type 1 status 1");

	private static final List<String> PLANNED = List.of(
			"null 2024-04-01..2024-06-30 USD 100000.00 type 1 Export-Import Bank of Korea -> Ministry of Water",
			"null 2024-07-01..null USD 150000.00 type null null -> null");

	@LocalServerPort
	int port;

	@Test
	void budgetsAndPlannedDisbursementsAreImportedExportedAndRoundTripped() throws Exception {
		Api a = new Api(port);
		JsonNode report = importXml(a, FILE);
		assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(report.path("skipped")).as(report.toString()).hasSize(1);
		assertThat(report.path("skipped").get(0).toString()).contains("planned-disbursement 3")
				.contains("starts after the project's planned end (2027-12-31)");

		assertThat(budgets(a, "")).containsExactlyElementsOf(BUDGETS);
		assertThat(budgets(a, "?history=true")).hasSize(4);
		assertThat(planned(a)).containsExactlyElementsOf(PLANNED);

		String exported = a.get("/api/export/iati").body();
		IatiRoundTripTest.validate(exported);
		assertThat(exported).contains("<budget type=\"2\" status=\"2\"");
		assertThat(exported.indexOf("<planned-disbursement")).isLessThan(exported.indexOf("<transaction"));

		JsonNode repeat = importXml(a, exported);
		assertThat(repeat.path("skipped")).as(repeat.toString()).isEmpty();
		assertThat(budgets(a, "?history=true")).as("a re-import adds nothing").hasSize(4);
		assertThat(budgets(a, "")).containsExactlyElementsOf(BUDGETS);
		assertThat(planned(a)).containsExactlyElementsOf(PLANNED);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:plans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--tracker.seed.enabled=false", "--spring.profiles.active=test")) {
			Api b = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
			JsonNode again = importXml(b, exported);
			assertThat(again.path("skipped")).as(again.toString()).isEmpty();
			assertThat(budgets(b, "")).containsExactlyElementsOf(BUDGETS);
			assertThat(planned(b)).containsExactlyElementsOf(PLANNED);
			assertThat(b.get("/api/export/iati").body().replaceAll("generated-datetime=\"[^\"]*\"", "")
					.replaceAll("last-updated-datetime=\"[^\"]*\"", "").lines().filter(l -> l.contains("budget")
							|| l.contains("planned-disbursement") || l.contains("period-")).toList())
					.isEqualTo(exported.lines().filter(l -> l.contains("budget") || l.contains("planned-disbursement")
							|| l.contains("period-")).toList());
		}
	}

	private static List<String> budgets(Api api, String query) {
		Response r = api.get("/api/projects/UZ-PLANS-1/budgets" + query);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<String> result = new ArrayList<>();
		for (JsonNode b : r.json()) {
			result.add(text(b.path("fundingId")) + " " + b.path("periodStart").asString() + ".."
					+ b.path("periodEnd").asString() + " " + money(b) + " type " + b.path("type").asString() + " status "
					+ b.path("status").asString());
		}
		return result;
	}

	private static List<String> planned(Api api) {
		Response r = api.get("/api/projects/UZ-PLANS-1/planned-disbursements");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<String> result = new ArrayList<>();
		for (JsonNode p : r.json()) {
			result.add(text(p.path("fundingId")) + " " + p.path("periodStart").asString() + ".."
					+ text(p.path("periodEnd")) + " " + money(p) + " type " + text(p.path("type")) + " "
					+ text(p.path("provider")) + " -> " + text(p.path("receiver")));
		}
		return result;
	}

	private static String money(JsonNode plan) {
		return plan.path("value").path("currency").asString() + " "
				+ plan.path("value").path("amount").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	private static String text(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? "null" : node.asString();
	}

	private static JsonNode importXml(Api api, String xml) {
		Response r = api.postRaw("/api/import/iati?fileName=plans.xml", "application/xml", xml);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}
}
