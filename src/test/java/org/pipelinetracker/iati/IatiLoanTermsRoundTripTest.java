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
 * A loan's terms travel through IATI {@code crs-add/loan-terms}: another publisher's are recorded with its loan
 * commitment (rate, convention from repayment-type, maturity and grace from the repayment dates), what cannot be
 * mapped is reported; the export writes the largest loan's terms (XSD-valid, after the document links) and every
 * loan's exact terms and dates in {@code pt:} attributes, so an import into an empty instance keeps them exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=iati-loan-terms")
@ActiveProfiles("test")
class IatiLoanTermsRoundTripTest {

	private static final String FILE = """
			<iati-activities version="2.03">
			<iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
			<iati-identifier>UZ-LT-1</iati-identifier>
			<title><narrative>Navoi water supply</narrative></title>
			<description><narrative>An EDCF loan</narrative></description>
			<participating-org role="4"><narrative>Ministry of Water</narrative></participating-org>
			<activity-status code="2"/>
			<activity-date type="1" iso-date="2024-01-01"/>
			<recipient-country code="UZ" percentage="100"/>
			<sector code="14020" percentage="100"/>
			<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>1000000</value>
			  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
			<crs-add><loan-terms rate-1="0.15" rate-2="0.5"><repayment-type code="2"/><repayment-plan code="1"/>
			  <commitment-date iso-date="2024-01-15"/><repayment-first-date iso-date="2034-01-15"/>
			  <repayment-final-date iso-date="2064-01-15"/></loan-terms></crs-add>
			</iati-activity>
			<iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
			<iati-identifier>UZ-LT-2</iati-identifier>
			<title><narrative>Khiva school</narrative></title>
			<description><narrative>A grant</narrative></description>
			<participating-org role="4"><narrative>Ministry of Education</narrative></participating-org>
			<activity-status code="2"/>
			<activity-date type="1" iso-date="2024-01-01"/>
			<recipient-country code="UZ" percentage="100"/>
			<sector code="11220" percentage="100"/>
			<transaction><transaction-type code="2"/><transaction-date iso-date="2024-02-01"/><value>300000</value>
			  <provider-org><narrative>KOICA</narrative></provider-org><finance-type code="110"/></transaction>
			<crs-add><loan-terms rate-1="1"><repayment-final-date iso-date="2034-02-01"/></loan-terms></crs-add>
			</iati-activity>
			</iati-activities>
			""";

	@LocalServerPort
	int port;

	@Test
	void loanTermsAreImportedExportedAndKeptExactlyInARoundTrip() throws Exception {
		Api a = new Api(port);
		JsonNode report = importXml(a, FILE);
		assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(2);
		assertThat(report.path("skipped").toString()).as(report.toString())
				.contains("repayment-plan 1 is not semi-annual").contains("rate-2 0.5 (a second interest rate)")
				.contains("UZ-LT-2 crs-add loan-terms", "rate-1 1, repayment-final-date 2034-02-01 not recorded: the activity has no loan commitment (finance type 4xx) to record them with");
		List<String> imported = loans(a, "UZ-LT-1");
		assertThat(imported).hasSize(1);
		assertThat(imported.get(0)).endsWith(" 2024-01-15 rate 0.15 maturity 40 grace 10 ANNUITY_SEMI_ANNUAL"
				+ " effective null closing null");

		Response second = a.post("/api/projects/UZ-LT-1/fundings/eximbank", """
				{"fundingId":"EDCF-2","instrument":"EDCF_LOAN","amount":{"amount":"2500000","currency":"USD"},
				 "committedOn":"2024-06-01","interestRate":"0.01","maturityYears":30,"graceYears":0,
				 "effectiveOn":"2024-09-01","closingOn":"2029-06-30"}""");
		assertThat(second.status()).as(second.toString()).isBetween(200, 201);
		List<String> expected = loans(a, "UZ-LT-1");
		assertThat(expected).contains("EDCF-2 2024-06-01 rate 0.01 maturity 30 grace 0 null"
				+ " effective 2024-09-01 closing 2029-06-30");

		String exported = a.get("/api/export/iati").body();
		IatiRoundTripTest.validate(exported);
		String activity = exported.substring(exported.indexOf("UZ-LT-1"), exported.indexOf("</iati-activity>",
				exported.indexOf("UZ-LT-1")));
		String crsAdd = activity.substring(activity.indexOf("<crs-add>"));
		assertThat(crsAdd).contains("rate-1=\"0.01\"").contains("pt:funding-id=\"EDCF-2\"")
				.contains("<repayment-type code=\"1\">").contains("<repayment-plan code=\"2\">")
				.contains("<commitment-date iso-date=\"2024-06-01\">")
				.contains("<repayment-first-date iso-date=\"2025-03-01\">")
				.contains("<repayment-final-date iso-date=\"2054-09-01\">");
		assertThat(activity.indexOf("<crs-add>")).isGreaterThan(activity.lastIndexOf("<transaction"));
		assertThat(activity).contains("pt:interest-rate=\"0.15\"").contains("pt:repayment-convention=\"ANNUITY_SEMI_ANNUAL\"")
				.contains("pt:effective-on=\"2024-09-01\"").contains("pt:closing-on=\"2029-06-30\"");

		try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:loanterms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--tracker.seed.enabled=false", "--spring.profiles.active=test")) {
			Api b = new Api(Integer.parseInt(empty.getEnvironment().getProperty("local.server.port")));
			JsonNode again = importXml(b, exported);
			assertThat(again.path("skipped").toString()).as(again.toString()).doesNotContain("loan");
			assertThat(loans(b, "UZ-LT-1")).containsExactlyElementsOf(expected);
			assertThat(b.get("/api/export/iati").body().replaceAll("generated-datetime=\"[^\"]*\"", "")
					.replaceAll("last-updated-datetime=\"[^\"]*\"", "").lines().filter(l -> l.contains("loan-terms")
							|| l.contains("repayment-") || l.contains("pt:interest-rate")).toList())
					.isEqualTo(exported.lines().filter(l -> l.contains("loan-terms") || l.contains("repayment-")
							|| l.contains("pt:interest-rate")).toList());
		}
	}

	@Test
	void theFinalRepaymentDateIsTheSchedulesLastInstalmentBothWays() {
		Api a = new Api(port);
		// another publisher's loan: 40 years, 10 of grace, its last semi-annual instalment six months before the 40th
		// anniversary of the commitment
		JsonNode report = importXml(a, """
				<iati-activities version="2.03">
				<iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
				<iati-identifier>UZ-LT-3</iati-identifier>
				<title><narrative>Andijan irrigation</narrative></title>
				<description><narrative>An EDCF loan</narrative></description>
				<participating-org role="4"><narrative>Ministry of Water</narrative></participating-org>
				<activity-status code="2"/>
				<activity-date type="1" iso-date="2024-01-01"/>
				<recipient-country code="UZ" percentage="100"/>
				<sector code="14020" percentage="100"/>
				<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>4000000</value>
				  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
				<crs-add><loan-terms rate-1="0.1"><repayment-type code="1"/><repayment-plan code="2"/>
				  <commitment-date iso-date="2024-01-15"/><repayment-first-date iso-date="2034-01-15"/>
				  <repayment-final-date iso-date="2063-07-15"/></loan-terms></crs-add>
				</iati-activity>
				</iati-activities>
				""");
		assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(report.path("skipped").toString()).as(report.toString()).doesNotContain("loan-terms");
		List<String> imported = loans(a, "UZ-LT-3");
		assertThat(imported).hasSize(1);
		assertThat(imported.get(0)).endsWith(" 2024-01-15 rate 0.1 maturity 40 grace 10 EQUAL_SEMI_ANNUAL_PRINCIPAL"
				+ " effective null closing null");

		String fundingId = imported.get(0).substring(0, imported.get(0).indexOf(' '));
		Response schedule = a.get("/api/projects/UZ-LT-3/fundings/" + fundingId + "/schedule");
		assertThat(schedule.status()).as(schedule.toString()).isEqualTo(200);
		JsonNode instalments = schedule.json().path("instalments");
		String last = instalments.get(instalments.size() - 1).path("dueOn").asString();
		assertThat(last).isEqualTo("2063-07-15");

		String exported = a.get("/api/export/iati").body();
		String activity = exported.substring(exported.indexOf("UZ-LT-3"), exported.indexOf("</iati-activity>",
				exported.indexOf("UZ-LT-3")));
		assertThat(activity).contains("<repayment-first-date iso-date=\"2034-01-15\">")
				.contains("<repayment-final-date iso-date=\"" + last + "\">");
	}

	/** Each commitment: id, date, its terms (convention null when none was chosen) and its loan dates. */
	private static List<String> loans(Api api, String projectId) {
		Response r = api.get("/api/projects/" + projectId);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<String> result = new ArrayList<>();
		for (JsonNode f : r.json().path("fundings")) {
			JsonNode t = f.path("terms");
			result.add(f.path("fundingId").asString() + " " + f.path("committedOn").asString() + " rate "
					+ text(t.path("interestRate")) + " maturity " + text(t.path("maturityYears")) + " grace "
					+ text(t.path("graceYears")) + " " + text(t.path("convention")) + " effective "
					+ text(f.path("effectiveOn")) + " closing " + text(f.path("closingOn")));
		}
		return result;
	}

	private static String text(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? "null" : node.asString();
	}

	private static JsonNode importXml(Api api, String xml) {
		Response r = api.postRaw("/api/import/iati?fileName=loans.xml", "application/xml", xml);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}
}
