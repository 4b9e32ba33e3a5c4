package org.pipelinetracker.iati.export;

import org.pipelinetracker.iati.conventions.AgreementDocuments;
import org.pipelinetracker.iati.conventions.Extension;
import org.pipelinetracker.iati.conventions.Geography;
import org.pipelinetracker.iati.conventions.Narratives;
import org.pipelinetracker.iati.conventions.ReportingOrg;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.DocumentView;
import org.pipelinetracker.project.query.ProjectPlanLines;
import org.pipelinetracker.project.query.ProjectPlanLines.BudgetLine;
import org.pipelinetracker.project.query.ProjectPlanLines.PlannedDisbursementLine;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.AgreementView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.StageEntry;
import org.pipelinetracker.project.query.ProjectView.TextView;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes an IATI 2.03 {@code iati-activities} document with StAX, one activity at a time, in the element order of
 * iati-activities-schema.xsd. Mapping of one project:
 * <ul>
 * <li>{@code iati-identifier}: {@code <reporting-org ref>-<projectId>}; {@code reporting-org}: ref, type, name.</li>
 * <li>{@code title}, {@code description type="1"}: a narrative per language, each with its {@code xml:lang}: the
 * original (the proposal's) first, then every other language recorded, in tag order. The schema requires a
 * description: a project without one in any language gets its original title. Every other narrative (and the
 * activity's default) is {@code xml:lang} {@value org.pipelinetracker.iati.conventions.Narratives#LANGUAGE}.</li>
 * <li>{@code participating-org}: each partner, role = {@code PartnerRole.iatiCode()}, its {@code ref}, {@code type},
 * {@code activity-id} and {@code crs-channel-code} as recorded, its name in every language recorded (else its name),
 * ISO country in the extension attribute {@code pt:country} (a country is no organisation identifier, so it is not
 * put in {@code ref}). The schema requires one: a project without partners lists its funders (role 1), and one
 * without funders either the reporting org (role 2, accountable for the record).</li>
 * <li>{@code activity-status}: the stage's IATI status (which is the status its publisher reported, for an imported
 * project whose stage no user changed since).</li>
 * <li>{@code activity-date}: 1 planned start, 2 actual start (the first time the project entered
 * IMPLEMENTATION), 3 planned end, 4 actual end (COMPLETED since). The schema requires one: a project with none
 * of these gets type 1 on its proposal date, with a narrative saying so.</li>
 * <li>{@code recipient-country UZ 100}; {@code location} named after the region (and the region in
 * {@code pt:region}); {@code sector} vocabulary 1
 * (DAC 5-digit), 100 %.</li>
 * <li>{@code transaction}: see {@link MoneyFlow} (type 2 commitment at the original amount, type 2 per correction
 * with the difference and the reason, type 3 per disbursement), each with {@code ref} = funding id, the value in
 * its original currency with its value date, the funder as {@code provider-org}, flow and finance type when
 * known; our funding source and Eximbank instrument in {@code pt:source} and {@code pt:instrument}. Then type 1
 * per incoming funds and type 4 per expenditure, in original currency with their value date, description,
 * {@code provider-org} and {@code receiver-org} as recorded, and {@code ref} = the funding id they name, if any
 * (no flow or finance type: they are not commitments).</li>
 * <li>{@code document-link}: each project document, as kept: url, format, title and description in every language,
 * every category and language, document date, its id in {@code pt:document-id}; a document that is an agreement's text
 * also names the agreement ({@code pt:agreement-id}, {@code pt:agreement-type}, {@code pt:agreement-signed-on},
 * {@code pt:agreement-parties}). Then each agreement with a document URL that is no kept document (a path on this
 * server is made absolute), category A09 for an MOU and A11 (contract) for the binding kinds, title
 * {@code "<TYPE> agreement <id>"}, the parties as description, the signature date as document date; the agreement's
 * id and type in {@code pt:agreement-id} and {@code pt:agreement-type}.</li>
 * <li>{@code crs-add/loan-terms}: the terms of the activity's largest loan with terms (IATI allows one); every
 * loan's exact terms and dates in {@code pt:} attributes of its commitment transaction: see
 * {@link IatiLoanTermsWriter}.</li>
 * </ul>
 * The {@code pt:} attributes let this application's importer restore a project exactly from its own export
 * (export → import into an empty instance → export gives the same document, timestamps aside). What the import
 * reads back the same way (identifier rule, {@code pt:} attributes, document categories, transaction types,
 * recipient country) is defined once, in {@code iati.conventions}.
 */
final class IatiActivitiesWriter implements AutoCloseable {

	static final String VERSION = "2.03";

	private final IatiXml xml;
	private final IatiFlowsWriter flows;
	private final IatiLoanTermsWriter loans;
	private final ReportingOrg reportingOrg;
	private final UnaryOperator<String> absoluteUrl;

	IatiActivitiesWriter(OutputStream out, ReportingOrg reportingOrg, UnaryOperator<String> absoluteUrl,
			Instant generatedAt) throws XMLStreamException {
		this.xml = new IatiXml(out);
		this.flows = new IatiFlowsWriter(xml);
		this.loans = new IatiLoanTermsWriter(xml);
		this.reportingOrg = reportingOrg;
		this.absoluteUrl = absoluteUrl;
		xml.start("iati-activities");
		xml.writeNamespace(Extension.PREFIX, Extension.NAMESPACE);
		xml.writeAttribute("version", VERSION);
		xml.writeAttribute("generated-datetime", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString());
	}

	void write(ProjectView p) throws XMLStreamException {
		xml.start("iati-activity");
		if (p.lastEventAt != null) {
			xml.writeAttribute("last-updated-datetime", p.lastEventAt.truncatedTo(ChronoUnit.MILLIS).toString());
		}
		xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", Narratives.LANGUAGE);

		xml.text("iati-identifier", reportingOrg.identifierOf(p.projectId));
		xml.start("reporting-org");
		xml.writeAttribute("ref", reportingOrg.ref());
		xml.writeAttribute("type", reportingOrg.type());
		xml.narrative(reportingOrg.name());
		xml.end();
		xml.start("title");
		for (Map.Entry<String, TextView> text : texts(p)) {
			if (text.getValue().title() != null) {
				xml.narrative(text.getValue().title(), text.getKey());
			}
		}
		xml.end();
		xml.start("description");
		xml.writeAttribute("type", "1");
		boolean described = false;
		for (Map.Entry<String, TextView> text : texts(p)) {
			String description = text.getValue().description();
			if (description != null && !description.isBlank()) {
				xml.narrative(description, text.getKey());
				described = true;
			}
		}
		if (!described) {
			xml.narrative(p.title, language(p));
		}
		xml.end();
		participatingOrgs(p);
		xml.empty("activity-status", "code", p.iatiStatus);
		activityDates(p);
		xml.start("recipient-country");
		xml.writeAttribute("code", Geography.RECIPIENT_COUNTRY);
		xml.writeAttribute("percentage", Geography.RECIPIENT_PERCENTAGE);
		xml.end();
		if (p.region != null) {
			xml.start("location");
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.REGION, p.region);
			xml.start("name");
			xml.narrative(p.region);
			xml.end();
			xml.end();
		}
		xml.start("sector");
		xml.writeAttribute("vocabulary", "1");
		xml.writeAttribute("code", p.sector);
		xml.writeAttribute("percentage", "100");
		xml.end();
		for (BudgetLine budget : ProjectPlanLines.budgets(p, false)) {
			flows.budget(budget);
		}
		for (PlannedDisbursementLine plan : ProjectPlanLines.plannedDisbursements(p, false)) {
			flows.plannedDisbursement(plan);
		}
		for (MoneyFlow flow : MoneyFlow.of(p)) {
			flows.transaction(flow);
		}
		Set<String> documentIds = new HashSet<>();
		for (DocumentView document : p.documents) {
			documentIds.add(document.documentId());
			documentLink(document, p.agreements.stream().filter(a -> document.documentId().equals(a.documentId()))
					.findFirst().orElse(null));
		}
		for (AgreementView agreement : p.agreements) {
			if (agreement.documentUrl() != null && !agreement.documentUrl().isBlank()
					&& (agreement.documentId() == null || !documentIds.contains(agreement.documentId()))) {
				documentLink(agreement);
			}
		}
		loans.crsAdd(p);
		xml.end();
	}

	/** A project document; {@code agreement}: the agreement whose text it is, or null. */
	private void documentLink(DocumentView d, AgreementView agreement) throws XMLStreamException {
		String url = absoluteUrl.apply(d.url());
		xml.start("document-link");
		xml.writeAttribute("url", url);
		xml.writeAttribute("format", d.format() != null ? d.format() : format(url));
		xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.DOCUMENT_ID, d.documentId());
		if (agreement != null) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_ID, agreement.agreementId());
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_TYPE, agreement.type().name());
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_SIGNED_ON,
					agreement.signedOn().toString());
			if (agreement.parties() != null && !agreement.parties().isEmpty()) {
				xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_PARTIES,
						String.join("; ", agreement.parties()));
			}
		}
		xml.start("title");
		if (d.titles().isEmpty()) {
			xml.narrative(d.url());
		}
		for (Map.Entry<String, String> title : d.titles().entrySet()) {
			xml.narrative(title.getValue(), title.getKey());
		}
		xml.end();
		if (!d.descriptions().isEmpty()) {
			xml.start("description");
			for (Map.Entry<String, String> description : d.descriptions().entrySet()) {
				xml.narrative(description.getValue(), description.getKey());
			}
			xml.end();
		}
		for (String category : d.categories()) {
			xml.empty("category", "code", category);
		}
		for (String language : d.languages()) {
			xml.empty("language", "code", language);
		}
		if (d.documentDate() != null) {
			xml.empty("document-date", "iso-date", d.documentDate().toString());
		}
		xml.end();
	}

	private void participatingOrgs(ProjectView p) throws XMLStreamException {
		if (!p.partners.isEmpty()) {
			for (Partner partner : p.partners) {
				xml.start("participating-org");
				xml.attribute("ref", partner.ref());
				xml.attribute("type", partner.type());
				xml.writeAttribute("role", partner.role().iatiCode());
				xml.attribute("activity-id", partner.activityId());
				xml.attribute("crs-channel-code", partner.crsChannelCode());
				if (partner.country() != null) {
					xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.COUNTRY, partner.country());
				}
				if (partner.names().isEmpty()) {
					xml.narrative(partner.name());
				}
				else {
					// the name shown first: the import takes our own export's first narrative as the name
					if (!partner.names().containsValue(partner.name())) {
						xml.narrative(partner.name());
					}
					String first = partner.names().entrySet().stream().filter(e -> e.getValue().equals(partner.name()))
							.map(Map.Entry::getKey).findFirst().orElse(null);
					if (first != null) {
						xml.narrative(partner.name(), first);
					}
					for (Map.Entry<String, String> name : partner.names().entrySet()) {
						if (!name.getKey().equals(first)) {
							xml.narrative(name.getValue(), name.getKey());
						}
					}
				}
				xml.end();
			}
			return;
		}
		Set<String> funders = new LinkedHashSet<>();
		for (FundingView f : p.fundings) {
			if (f.funder != null && !f.funder.isBlank()) {
				funders.add(f.funder);
			}
		}
		for (String funder : funders) {
			xml.start("participating-org");
			xml.writeAttribute("role", "1");
			xml.narrative(funder);
			xml.end();
		}
		if (funders.isEmpty()) {
			xml.start("participating-org");
			xml.writeAttribute("ref", reportingOrg.ref());
			xml.writeAttribute("type", reportingOrg.type());
			xml.writeAttribute("role", "2");
			xml.narrative(reportingOrg.name());
			xml.end();
		}
	}

	private void activityDates(ProjectView p) throws XMLStreamException {
		LocalDate actualStart = sinceFirst(p, Stage.IMPLEMENTATION);
		LocalDate actualEnd = p.stage == Stage.COMPLETED ? p.stageSince : null;
		if (p.plannedStart == null && actualStart == null && p.plannedEnd == null && actualEnd == null) {
			xml.start("activity-date");
			xml.writeAttribute("type", "1");
			xml.writeAttribute("iso-date", p.proposedOn.toString());
			xml.narrative("Date of the proposal: no planned start recorded");
			xml.end();
			return;
		}
		activityDate("1", p.plannedStart);
		activityDate("2", actualStart);
		activityDate("3", p.plannedEnd);
		activityDate("4", actualEnd);
	}

	private static LocalDate sinceFirst(ProjectView p, Stage stage) {
		return p.stageHistory.stream().filter(e -> e.stage() == stage).map(StageEntry::since).findFirst().orElse(null);
	}

	private void activityDate(String type, LocalDate date) throws XMLStreamException {
		if (date != null) {
			xml.start("activity-date");
			xml.writeAttribute("type", type);
			xml.writeAttribute("iso-date", date.toString());
			xml.end();
		}
	}

	private void documentLink(AgreementView a) throws XMLStreamException {
		String url = absoluteUrl.apply(a.documentUrl().trim());
		xml.start("document-link");
		xml.writeAttribute("url", url);
		xml.writeAttribute("format", format(url));
		xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_ID, a.agreementId());
		xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.AGREEMENT_TYPE, a.type().name());
		xml.start("title");
		xml.narrative(AgreementDocuments.title(a.type(), a.agreementId()));
		xml.end();
		if (a.parties() != null && !a.parties().isEmpty()) {
			xml.start("description");
			xml.narrative(AgreementDocuments.partiesDescription(a.parties()));
			xml.end();
		}
		xml.empty("category", "code", AgreementDocuments.category(a.type()));
		xml.empty("document-date", "iso-date", a.signedOn().toString());
		xml.end();
	}

	/** The IANA media type, from the file extension where it tells; a web page otherwise. */
	static String format(String url) {
		String path = url.toLowerCase(Locale.ROOT);
		int cut = path.indexOf('?');
		path = cut >= 0 ? path.substring(0, cut) : path;
		cut = path.indexOf('#');
		path = cut >= 0 ? path.substring(0, cut) : path;
		if (path.endsWith(".pdf")) {
			return "application/pdf";
		}
		if (path.endsWith(".txt")) {
			return "text/plain";
		}
		if (path.endsWith(".doc")) {
			return "application/msword";
		}
		if (path.endsWith(".docx")) {
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		}
		return "text/html";
	}

	/** Ends the document (an export with no project has an empty root, which the schema does not accept). */
	void finish() throws XMLStreamException {
		xml.finish();
	}

	@Override
	public void close() throws XMLStreamException {
		xml.close();
	}

	/**
	 * The project's texts by language: the original first (the proposal's, which the import takes as the original
	 * again), then the other languages in tag order.
	 */
	private static List<Map.Entry<String, TextView>> texts(ProjectView p) {
		String original = language(p);
		List<Map.Entry<String, TextView>> texts = new ArrayList<>();
		texts.add(Map.entry(original, p.texts.getOrDefault(original, new TextView(p.title, p.description))));
		p.texts.forEach((language, text) -> {
			if (!language.equals(original)) {
				texts.add(Map.entry(language, text));
			}
		});
		return texts;
	}

	private static String language(ProjectView p) {
		return p.language != null ? p.language : Narratives.LANGUAGE;
	}
}
