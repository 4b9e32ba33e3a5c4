package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.AgreementDocuments;
import org.pipelinetracker.iati.conventions.FundingCodes;
import org.pipelinetracker.iati.conventions.Geography;
import org.pipelinetracker.iati.conventions.ReportingOrg;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.xml.stream.XMLStreamException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns IATI activities into project commands through {@link ProjectWriteService}, the same write path as the
 * HTTP API and the demo data, so every rule of the project applies and every event carries the actor and a reason
 * naming the file and the activity's {@code last-updated-datetime}. Each mapping decision is documented on the
 * method that makes it; the report lists everything not recorded, and every deterministic adjustment as a note.
 */
@Service
public class IatiImporter {

	private static final Logger log = LoggerFactory.getLogger(IatiImporter.class);

	static final String SYNTHETIC_AGREEMENT = AgreementDocuments.SYNTHETIC_AGREEMENT_ID;
	static final String NOT_SPECIFIED_SECTOR = "99810";
	static final String OUTSIDE_UZBEKISTAN_REGION = Geography.MULTIPLE_REGIONS;
	static final String UZBEKISTAN_REGION = Geography.NATIONWIDE;
	private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]+");
	private static final Pattern DAC5 = Pattern.compile("\\d{5}");
	private static final Pattern DAC3 = Pattern.compile("\\d{3}");
	private static final Pattern COUNTRY_PREFIX = Pattern.compile("^([A-Z]{2})-[A-Za-z0-9]+-.+");
	private static final Set<String> OTHER_FLOW_TYPES = FundingSource.OTHER.allowedFlowTypes();
	private static final Pattern FUNDING_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final ProjectWriteService writes;
	private final ProjectTimeline timeline;
	private final Codelists codelists;
	private final Clock clock;
	private final ReportingOrg reportingOrg;
	private final int progressEvery;
	private volatile ImportProgress progress = ImportProgress.IDLE;

	IatiImporter(ProjectWriteService writes, ProjectTimeline timeline, Codelists codelists, Clock clock,
			ReportingOrg reportingOrg, @Value("${tracker.iati.import.progress-every:100}") int progressEvery) {
		this.reportingOrg = reportingOrg;
		this.writes = writes;
		this.timeline = timeline;
		this.codelists = codelists;
		this.clock = clock;
		this.progressEvery = Math.max(1, progressEvery);
	}

	/** The import running now, or the last one. */
	public ImportProgress progress() {
		return progress;
	}

	/**
	 * Imports every activity of the stream. {@code totalBytes} (may be null) is only for the progress percentage;
	 * {@code maxBytes} (0: no limit) stops reading a larger stream with {@link TooLargeException}.
	 * A stream that is not XML, or holds no {@code iati-activity}, is refused with {@link InvalidRequestException}
	 * when nothing was imported from it; XML that breaks after some activities is reported as a skipped entry.
	 */
	public ImportReport importFile(InputStream in, String fileName, AuditContext actor, Long totalBytes, long maxBytes) {
		String file = fileName == null || fileName.isBlank() ? "upload.xml" : fileName.trim();
		Run run = new Run(file, actor);
		CountingStream counted = new CountingStream(in, maxBytes);
		Instant startedAt = clock.instant();
		progress = new ImportProgress("RUNNING", file, 0, totalBytes, totalBytes == null ? null : 0.0, 0, 0, startedAt, null);
		IatiReader.Result result = null;
		try {
			result = IatiReader.read(counted, activity -> {
				run.activitiesRead++;
				importActivity(activity, run);
				if (run.activitiesRead % progressEvery == 0) {
					log.info("IATI import of {}: {} activities, {} bytes{} read, {} events appended", file,
							run.activitiesRead, counted.count, totalBytes == null ? "" : " of " + totalBytes,
							run.eventsAppended);
				}
				progress = new ImportProgress("RUNNING", file, counted.count, totalBytes, percent(counted.count, totalBytes),
						run.activitiesRead, run.eventsAppended, startedAt, null);
			});
		}
		catch (XMLStreamException e) {
			if (counted.exceeded) {
				progress = finished(run, counted, totalBytes, startedAt, "FAILED");
				throw new TooLargeException(maxBytes);
			}
			if (run.activitiesRead == 0) {
				progress = finished(run, counted, totalBytes, startedAt, "FAILED");
				throw InvalidRequestException.of("body", "not a readable IATI XML file: " + xmlMessage(e));
			}
			run.skip(file, "the XML breaks after " + run.activitiesRead + " activities (" + xmlMessage(e)
					+ "); the rest of the file was not read");
		}
		catch (RuntimeException e) {
			progress = finished(run, counted, totalBytes, startedAt, "FAILED");
			throw e;
		}
		if (result != null && run.activitiesRead == 0) {
			progress = finished(run, counted, totalBytes, startedAt, "FAILED");
			throw InvalidRequestException.of("body", "no iati-activity element found (root element: "
					+ (result.rootElement == null ? "none" : "<" + result.rootElement + ">") + ")");
		}
		progress = finished(run, counted, totalBytes, startedAt, "DONE");
		log.info("IATI import of {} done: {} activities read, {} imported, {} updated, {} unchanged, {} skipped, {} events appended",
				file, run.activitiesRead, run.imported, run.updated, run.unchanged, run.skipped.size(), run.eventsAppended);
		return new ImportReport(file, run.activitiesRead, run.imported, run.updated, run.unchanged,
				List.copyOf(run.skipped), List.copyOf(run.notes), run.eventsAppended);
	}

	private ImportProgress finished(Run run, CountingStream counted, Long totalBytes, Instant startedAt, String state) {
		return new ImportProgress(state, run.file, counted.count, totalBytes,
				"DONE".equals(state) ? Double.valueOf(100.0) : percent(counted.count, totalBytes), run.activitiesRead,
				run.eventsAppended, startedAt, clock.instant());
	}

	private static Double percent(long read, Long total) {
		return total == null || total <= 0 ? null : Math.min(100.0, Math.round(1000.0 * read / total) / 10.0);
	}

	private static String xmlMessage(XMLStreamException e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.replaceAll("\\s+", " ").trim();
	}

	// --- one activity -----------------------------------------------------------------------------------------

	private void importActivity(IatiActivity a, Run run) {
		if (a.identifier == null) {
			run.skip("activity #" + run.activitiesRead, "no iati-identifier");
			return;
		}
		boolean own = isOwn(a);
		String ownId = own ? reportingOrg.projectIdOf(a.identifier) : null;
		String projectId = ownId != null && ProjectId.isValid(ownId) ? ownId : projectId(a.identifier);
		if (ownId != null && projectId.equals(ownId)) {
			run.note(a.identifier, "our own export (reporting-org " + reportingOrg.ref() + "): imported as project " + projectId);
		}
		else if (!projectId.equals(a.identifier)) {
			run.note(a.identifier, "the identifier is not a valid project id ([A-Za-z0-9._-]{3,64}); imported as " + projectId);
		}
		a.problems.forEach(p -> run.note(a.identifier, p));
		Activity act = new Activity(a, projectId, run, own);
		try {
			Optional<ProjectView> existing = timeline.current(projectId);
			long before = existing.map(v -> v.version).orElse(-1L);
			act.version = before;
			if (existing.isEmpty() && !propose(act)) {
				return;
			}
			recordAgreements(act);
			// incoming funds dated before the first commitment are what finances the project (AGREED → FINANCED):
			// they go first; the others after the commitments they may be received under
			LocalDate firstCommitment = firstDate(commitments(act, false));
			recordIncomingFunds(act, firstCommitment, true);
			recordCommitments(act);
			recordDisbursements(act);
			recordIncomingFunds(act, firstCommitment, false);
			recordExpenditures(act);
			skipUnmodelledTransactions(act);
			changeStage(act);
			long appended = act.version - before;
			run.eventsAppended += appended;
			if (existing.isEmpty()) {
				run.imported++;
			}
			else if (appended > 0) {
				run.updated++;
			}
			else {
				run.unchanged++;
			}
		}
		catch (RuntimeException e) {
			// never stop the file for one activity; the report says what went wrong
			log.warn("IATI import of {}: activity {} failed", run.file, a.identifier, e);
			run.skip(a.identifier, "import failed: " + e.getMessage());
		}
	}

	/** The state of one activity's import: the activity, the project id, the audit reason and the version. */
	private final class Activity {
		final IatiActivity a;
		final String projectId;
		final Run run;
		final String reason;
		final LocalDate lastUpdated;
		/** The activity comes from this application's own export: its {@code pt:} attributes are trusted. */
		final boolean own;
		long version;
		ProjectView view;

		Activity(IatiActivity a, String projectId, Run run, boolean own) {
			this.a = a;
			this.own = own;
			this.projectId = projectId;
			this.run = run;
			this.reason = "IATI import of " + run.file + " (last-updated " + (a.lastUpdated == null ? "not given" : a.lastUpdated) + ")";
			this.lastUpdated = lastUpdatedDate(a.lastUpdated);
		}

		ProjectView view() {
			if (view == null) {
				view = timeline.current(projectId).orElseThrow();
			}
			return view;
		}

		/** Runs one write: true when recorded, false (reported as skipped) when refused. */
		boolean write(String what, Supplier<WriteResult> write) {
			try {
				WriteResult result = write.get();
				version = Math.max(version, result.version());
				view = null;
				return true;
			}
			catch (CommandRejectedException e) {
				if (e.kind() == CommandRejectedException.Kind.DUPLICATE) {
					return false; // already recorded by an earlier import
				}
				run.skip(what, e.getMessage());
			}
			catch (InvalidRequestException e) {
				run.skip(what, e.getMessage());
			}
			return false;
		}

		String with(String detail) {
			return detail == null ? reason : reason + ": " + detail;
		}
	}

	// --- propose ----------------------------------------------------------------------------------------------

	private boolean propose(Activity act) {
		IatiActivity a = act.a;
		if (a.title == null) {
			act.run.skip(a.identifier, "no title: an activity without a title cannot be proposed");
			return false;
		}
		List<String> notes = new ArrayList<>();
		String sector = sector(a, notes);
		String region = region(a, notes);
		List<Requests.PartnerRequest> partners = partners(a, notes);
		LocalDate proposedOn = proposedOn(act, notes);
		LocalDate plannedStart = a.dates.get("1");
		LocalDate plannedEnd = a.dates.get("3");
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			notes.add("planned end " + plannedEnd + " is before the planned start " + plannedStart + "; left out");
			plannedEnd = null;
		}
		String title = a.title;
		if (title.length() > 300) {
			title = title.substring(0, 299) + "…";
			notes.add("title shortened to 300 characters");
		}
		notes.forEach(n -> act.run.note(a.identifier, n));
		StringBuilder description = new StringBuilder(a.description == null ? "" : a.description);
		// our own export's description is ours verbatim; the notes stay in the report
		if (!notes.isEmpty() && !act.own) {
			description.append(description.isEmpty() ? "" : "\n\n").append("IATI import notes: ").append(String.join("; ", notes)).append('.');
		}
		String text = description.length() > 5000 ? description.substring(0, 4999) + "…" : description.toString();
		Requests.ProposeProjectRequest request = new Requests.ProposeProjectRequest(act.projectId, title,
				text.isEmpty() ? null : text, sector, region, partners, null, proposedOn, plannedStart, plannedEnd,
				act.reason, null);
		AuditContext audit = act.run.actor;
		try {
			WriteResult result = writes.propose(request, audit);
			act.version = result.version();
			return true;
		}
		catch (CommandRejectedException | InvalidRequestException e) {
			act.run.skip(a.identifier, "not proposed: " + e.getMessage());
			return false;
		}
	}

	/**
	 * The DAC 5-digit purpose code (vocabulary 1 or none) with the highest percentage, the first on a tie; else the
	 * most frequent one on the transactions; else a DAC 3-digit category (vocabulary 2) mapped to its first active
	 * purpose code; else 99810 "Sectors not specified". The others are listed in the notes.
	 */
	private String sector(IatiActivity a, List<String> notes) {
		List<IatiActivity.Sector> dac = a.sectors.stream()
				.filter(s -> (s.vocabulary() == null || s.vocabulary().equals("1")) && s.code() != null
						&& DAC5.matcher(s.code()).matches() && codelists.isSector(s.code()))
				.toList();
		if (!dac.isEmpty()) {
			IatiActivity.Sector best = dac.get(0);
			for (IatiActivity.Sector s : dac) {
				if (percentage(s.percentage()).compareTo(percentage(best.percentage())) > 0) {
					best = s;
				}
			}
			if (dac.size() > 1) {
				IatiActivity.Sector chosen = best;
				notes.add("sector " + best.code() + " chosen (highest percentage); also published: " + String.join(", ",
						dac.stream().filter(s -> s != chosen).map(s -> s.code() + (s.percentage() == null ? "" : " " + s.percentage() + "%")).toList()));
			}
			return best.code();
		}
		Map<String, Integer> onTransactions = new LinkedHashMap<>();
		for (IatiActivity.Transaction t : a.transactions) {
			for (IatiActivity.Sector s : t.sectors) {
				if ((s.vocabulary() == null || s.vocabulary().equals("1")) && s.code() != null && codelists.isSector(s.code())) {
					onTransactions.merge(s.code(), 1, Integer::sum);
				}
			}
		}
		if (!onTransactions.isEmpty()) {
			String best = null;
			for (Map.Entry<String, Integer> e : onTransactions.entrySet()) {
				if (best == null || e.getValue() > onTransactions.get(best)) {
					best = e.getKey();
				}
			}
			notes.add("no activity-level DAC sector; sector " + best + " is the most frequent on the transactions "
					+ onTransactions);
			return best;
		}
		for (IatiActivity.Sector s : a.sectors) {
			if ("2".equals(s.vocabulary()) && s.code() != null && DAC3.matcher(s.code()).matches()) {
				for (int i = 0; i < 100; i++) {
					String code = s.code() + String.format(Locale.ROOT, "%02d", i);
					if (codelists.isSector(code)) {
						notes.add("no DAC 5-digit sector; DAC category " + s.code() + " mapped to its first purpose code "
								+ code + (a.sectors.size() > 1 ? "; published sectors: " + sectorList(a.sectors) : ""));
						return code;
					}
				}
			}
		}
		notes.add("no usable DAC sector" + (a.sectors.isEmpty() ? "" : " (published: " + sectorList(a.sectors) + ")")
				+ "; recorded as " + NOT_SPECIFIED_SECTOR + " Sectors not specified");
		return NOT_SPECIFIED_SECTOR;
	}

	private static String sectorList(List<IatiActivity.Sector> sectors) {
		return String.join(", ", sectors.stream().map(s -> "vocabulary " + (s.vocabulary() == null ? "1" : s.vocabulary())
				+ " " + s.code() + (s.percentage() == null ? "" : " " + s.percentage() + "%")).toList());
	}

	private static BigDecimal percentage(String value) {
		try {
			return value == null ? BigDecimal.ZERO : new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			return BigDecimal.ZERO;
		}
	}

	/**
	 * Our regions are Uzbek. An activity whose only recipient country is Uzbekistan is "Nationwide" (sub-national
	 * locations are not mapped yet); anything else, including activities outside Uzbekistan, is "Multiple regions",
	 * and the recipient countries are kept in the notes.
	 */
	private String region(IatiActivity a, List<String> notes) {
		Optional<String> exported = a.region == null ? Optional.empty() : codelists.uzbekRegion(a.region);
		if (exported.isPresent()) {
			return exported.get(); // pt:region of our own export
		}
		List<String> codes = a.countries.stream().map(IatiActivity.Country::code).filter(Objects::nonNull).toList();
		if (codes.size() == 1 && codes.get(0).equals(Geography.RECIPIENT_COUNTRY)) {
			return codelists.uzbekRegion(UZBEKISTAN_REGION).orElseThrow();
		}
		notes.add((codes.isEmpty() ? "no recipient country" : "recipient countries " + String.join(", ",
				a.countries.stream().map(c -> c.code() + (c.percentage() == null ? "" : " " + c.percentage() + "%")).toList()))
				+ "; region recorded as " + OUTSIDE_UZBEKISTAN_REGION);
		return codelists.uzbekRegion(OUTSIDE_UZBEKISTAN_REGION).orElseThrow();
	}

	/**
	 * Participating organisations with roles 1-4. The country is {@code pt:country} (our own export) when it is an
	 * ISO 3166-1 code, else the ISO 3166-1 prefix of the organisation identifier ("GB-COH-…" → GB); organisations without one cannot be partners here and are named in the notes.
	 */
	private List<Requests.PartnerRequest> partners(IatiActivity a, List<String> notes) {
		Set<String> seen = new HashSet<>();
		List<Requests.PartnerRequest> partners = new ArrayList<>();
		Set<String> withoutCountry = new LinkedHashSet<>();
		for (IatiActivity.Org org : a.participatingOrgs) {
			PartnerRole role = role(org.role());
			String name = org.label();
			if (role == null || name == null) {
				continue;
			}
			String country = org.country() != null && codelists.isCountry(org.country()) ? org.country() : country(org.ref());
			if (country == null) {
				withoutCountry.add(name + " (role " + org.role() + ")");
				continue;
			}
			name = name.length() > 200 ? name.substring(0, 200) : name;
			if (seen.add(name + "|" + role) && partners.size() < 50) {
				partners.add(new Requests.PartnerRequest(name, country, role));
			}
		}
		if (!withoutCountry.isEmpty()) {
			notes.add("participating organisations without a country in their identifier, not kept as partners: "
					+ String.join(", ", withoutCountry));
		}
		return partners;
	}

	private String country(String ref) {
		if (ref == null) {
			return null;
		}
		var m = COUNTRY_PREFIX.matcher(ref.trim());
		return m.matches() && codelists.isCountry(m.group(1)) ? m.group(1) : null;
	}

	private static PartnerRole role(String code) {
		if (code == null) {
			return null;
		}
		for (PartnerRole role : PartnerRole.values()) {
			if (role.iatiCode().equals(code.trim())) {
				return role;
			}
		}
		return null;
	}

	/**
	 * The earliest of: planned and actual start, every transaction date, the dates of MoU and contract documents;
	 * else the last-updated date; else today. Never in the future.
	 */
	private LocalDate proposedOn(Activity act, List<String> notes) {
		IatiActivity a = act.a;
		List<LocalDate> candidates = new ArrayList<>();
		if (a.dates.get("1") != null) {
			candidates.add(a.dates.get("1"));
		}
		if (a.dates.get("2") != null) {
			candidates.add(a.dates.get("2"));
		}
		for (IatiActivity.Transaction t : a.transactions) {
			if (t.transactionDate != null) {
				candidates.add(t.transactionDate);
			}
			if (t.valueDate != null) {
				candidates.add(t.valueDate);
			}
		}
		for (IatiActivity.DocumentLink d : a.documentLinks) {
			if (d.date() != null && agreementType(d) != null) {
				candidates.add(d.date());
			}
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate earliest = candidates.stream().min(Comparator.naturalOrder()).orElse(null);
		if (earliest == null) {
			earliest = act.lastUpdated != null ? act.lastUpdated : today;
			notes.add("no activity or transaction date; proposed on " + (act.lastUpdated != null ? "the last-updated date" : "the import day"));
		}
		if (earliest.isAfter(today)) {
			notes.add("earliest date " + earliest + " is in the future; proposed on " + today);
			return today;
		}
		return earliest;
	}

	// --- agreements -------------------------------------------------------------------------------------------

	private boolean isOwn(IatiActivity a) {
		return a.reportingOrg != null && reportingOrg.publishedBy(a.reportingOrg.ref());
	}

	private static AgreementType agreementType(IatiActivity.DocumentLink d) {
		return AgreementDocuments.agreementType(d.categories());
	}

	private record PlannedAgreement(String id, AgreementType type, LocalDate signedOn, String documentUrl, String reason,
			String what, List<String> parties) {
	}

	/** The agreement type of {@code pt:agreement-type} (our own export), or null. */
	private static AgreementType exportedAgreementType(IatiActivity.DocumentLink d) {
		if (d.agreementType() == null || d.agreementId() == null || !FUNDING_ID.matcher(d.agreementId()).matches()) {
			return null;
		}
		return AgreementDocuments.typeNamed(d.agreementType());
	}

	/** The parties of our own export's document link: its description {@code "Parties: a; b"}, none without one. */
	private static List<String> exportedParties(IatiActivity.DocumentLink d) {
		return AgreementDocuments.parties(d.description());
	}

	/**
	 * Document links in category A11 (contract) become CONTRACT agreements, A09 (MoU) MOU agreements, dated by their
	 * document-date; an undated contract is dated on the first financing, the first commitment or incoming funds (it
	 * is what the money came under). When that financing still lacks a binding agreement on or before it, a
	 * synthetic {@value #SYNTHETIC_AGREEMENT} (LOAN for finance types 4xx, otherwise GRANT) is signed on its value
	 * date: our rules require a binding agreement before a commitment or incoming funds.
	 */
	private void recordAgreements(Activity act) {
		IatiActivity a = act.a;
		List<Commitment> commitments = commitments(act, false);
		List<Commitment> incoming = transactions(act, "1", false);
		LocalDate firstCommitment = firstDate(commitments);
		LocalDate firstIncoming = firstDate(incoming);
		boolean incomingFirst = firstIncoming != null && (firstCommitment == null || firstIncoming.isBefore(firstCommitment));
		LocalDate firstFinancing = incomingFirst ? firstIncoming : firstCommitment;
		String firstKind = incomingFirst ? "incoming funds" : "commitment";
		List<String> parties = parties(a);
		List<PlannedAgreement> planned = new ArrayList<>();
		for (IatiActivity.DocumentLink d : a.documentLinks) {
			String what = a.identifier + " document-link #" + d.index();
			AgreementType exportedType = act.own ? exportedAgreementType(d) : null;
			AgreementType type = exportedType != null ? exportedType : agreementType(d);
			if (type == null) {
				if (d.url() == null && d.categories().isEmpty()) {
					act.run.note(what, "empty document-link (no url, no category); ignored");
				}
				continue;
			}
			String code = type == AgreementType.CONTRACT ? "A11 contract" : "A09 MoU";
			LocalDate signedOn = d.date();
			String detail = code + " '" + (d.title() == null ? d.url() : d.title()) + "'";
			if (signedOn == null) {
				if (type == AgreementType.CONTRACT && firstFinancing != null) {
					signedOn = firstFinancing;
					detail += ", undated: dated on the first " + firstKind + " (" + firstFinancing + ")";
				}
				else {
					act.run.skip(what, code + " without a document-date: no date to record it on");
					continue;
				}
			}
			String url = d.url();
			if (url != null && !new Violations().checkUrl("documentUrl", url)) {
				act.run.note(what, "document url '" + url + "' is not an http(s) URL; recorded without it");
				url = null;
			}
			if (exportedType != null) {
				planned.add(new PlannedAgreement(d.agreementId(), type, signedOn, url,
						act.with(type + " agreement " + d.agreementId()), what, exportedParties(d)));
				continue;
			}
			planned.add(new PlannedAgreement(AgreementDocuments.DOCUMENT_AGREEMENT_PREFIX + hash(d.url() == null ? "#" + d.index() : d.url(), 12), type,
					signedOn, url, act.with(detail), what, parties));
		}
		if (firstFinancing != null) {
			boolean bound = planned.stream().anyMatch(p -> p.type().isBinding() && !p.signedOn().isAfter(firstFinancing))
					|| act.view().agreements.stream().anyMatch(g -> g.binding() && !g.signedOn().isAfter(firstFinancing));
			if (!bound) {
				Commitment first = (incomingFirst ? incoming : commitments).stream()
						.filter(c -> c.date.equals(firstFinancing)).findFirst().orElseThrow();
				AgreementType type = AgreementDocuments.impliedBy(first.financeType);
				planned.add(new PlannedAgreement(SYNTHETIC_AGREEMENT, type, firstFinancing, null,
						act.with(type + " agreement implied by the published " + firstKind + " " + first.what
								+ " (finance type " + (first.financeType == null ? "not given" : first.financeType) + ")"),
						a.identifier + " agreement " + SYNTHETIC_AGREEMENT, parties));
			}
		}
		planned.sort(Comparator.comparing(PlannedAgreement::signedOn));
		Set<String> recorded = new HashSet<>();
		act.view().agreements.forEach(g -> recorded.add(g.agreementId()));
		for (PlannedAgreement p : planned) {
			if (recorded.contains(p.id())) {
				continue;
			}
			act.write(p.what(), () -> writes.signAgreement(act.projectId, new Requests.SignAgreementRequest(p.id(),
					p.type(), p.signedOn(), p.parties(), p.documentUrl(), p.reason(), null), act.run.actor));
		}
	}

	private static List<String> parties(IatiActivity a) {
		Set<String> names = new LinkedHashSet<>();
		for (IatiActivity.Org org : a.participatingOrgs) {
			String name = org.label();
			if (name != null && names.size() < 20) {
				names.add(name.length() > 200 ? name.substring(0, 200) : name);
			}
		}
		return List.copyOf(names);
	}

	// --- money ------------------------------------------------------------------------------------------------

	/**
	 * A transaction read from the file and checked for form (a commitment, disbursement, incoming funds or
	 * expenditure); {@code what} names it in the report.
	 */
	private static final class Commitment {
		IatiActivity.Transaction t;
		String what;
		LocalDate date;
		Money money;
		String provider;
		/** The receiver-org's name (or ref), null when not published. */
		String receiver;
		String financeType;
		String flowType;
		String fundingId;
		/** A type 2 transaction with a negative value: only a correction of a commitment with the same ref. */
		boolean negative;
		/** Further type 2 transactions of this commitment (same ref), in order: corrections by their value. */
		final List<Commitment> corrections = new ArrayList<>();
	}

	/**
	 * The transactions of type 2 (or 1, 3, 4), sound in form, in date order (in file order for our own export, which is
	 * the order they were recorded in). A negative type 2 value is kept (flagged): it may correct a commitment. With
	 * {@code report}, each unsound one is reported as skipped (done once, when the commitments or disbursements are
	 * recorded).
	 */
	private List<Commitment> transactions(Activity act, String type, boolean report) {
		IatiActivity a = act.a;
		List<Commitment> result = new ArrayList<>();
		for (IatiActivity.Transaction t : a.transactions) {
			if (!type.equals(t.type)) {
				continue;
			}
			String what = transactionName(a, t);
			String problem = null;
			BigDecimal value = null;
			String currency = t.currency != null ? t.currency : a.defaultCurrency;
			try {
				value = t.value == null ? null : new BigDecimal(t.value.replace(",", ""));
			}
			catch (NumberFormatException e) {
				problem = "value '" + t.value + "' is not a number";
			}
			if (problem == null && value == null) {
				problem = "no value";
			}
			else if (problem == null && (value.signum() == 0 || (value.signum() < 0 && !type.equals("2")))) {
				problem = (value.signum() == 0 ? "zero value" : "negative value " + value.toPlainString()
						+ " (a reversal or de-obligation)") + ": our commitments, disbursements, incoming funds and"
						+ " expenditures are positive; not modelled";
			}
			else if (problem == null && t.date() == null) {
				problem = "no value-date or transaction-date";
			}
			else if (problem == null && currency == null) {
				problem = "no currency (neither on the value nor as the activity's default-currency)";
			}
			if (problem != null) {
				if (report) {
					act.run.skip(what, problem);
				}
				continue;
			}
			Commitment c = new Commitment();
			c.t = t;
			c.what = what;
			c.date = t.date();
			c.money = new Money(value, currency);
			c.provider = provider(a, t);
			c.receiver = orgName(a, t.receiver);
			c.financeType = t.financeType != null ? t.financeType : a.defaultFinanceType;
			c.flowType = t.flowType != null ? t.flowType : a.defaultFlowType;
			c.negative = value.signum() < 0;
			result.add(c);
		}
		if (act.own) {
			result.sort(Comparator.comparingInt(c -> c.t.index));
		}
		else {
			result.sort(Comparator.comparing((Commitment c) -> c.date).thenComparingInt(c -> c.t.index));
		}
		return result;
	}

	/** The reason a negative type 2 value that corrects no commitment is not recorded. */
	private static String negativeProblem(Commitment c) {
		return "negative value " + c.money.amount().toPlainString() + " (a reversal or de-obligation) matches no"
				+ " commitment with the same ref: our commitments and disbursements are positive; not modelled";
	}

	/**
	 * The commitments: each type 2 transaction, except those that correct an earlier one with the same ref and
	 * currency, which are listed on it as its corrections: in our own export every later one (the corrections it
	 * writes, with the difference as value), in other files a negative one. A negative one that corrects nothing is
	 * skipped. Our own export keeps its funding ids (the ref); otherwise the id is derived, see below.
	 */
	private List<Commitment> commitments(Activity act, boolean report) {
		List<Commitment> commitments = new ArrayList<>();
		Map<String, Commitment> firstByRef = new HashMap<>();
		for (Commitment c : transactions(act, "2", report)) {
			Commitment corrected = c.t.ref == null ? null : firstByRef.get(c.t.ref);
			if (corrected != null && (act.own || c.negative) && corrected.money.currency().equals(c.money.currency())) {
				corrected.corrections.add(c);
				continue;
			}
			if (c.negative) {
				if (report) {
					act.run.skip(c.what, negativeProblem(c));
				}
				continue;
			}
			commitments.add(c);
			if (c.t.ref != null) {
				firstByRef.putIfAbsent(c.t.ref, c);
			}
		}
		if (act.own) {
			Set<String> used = new HashSet<>();
			for (Commitment c : commitments) {
				if (c.t.ref != null && FUNDING_ID.matcher(c.t.ref).matches() && used.add(c.t.ref)) {
					c.fundingId = c.t.ref;
				}
			}
		}
		// a stable id per published commitment: from its ref when it has one (a later file may change its value:
		// that becomes a correction), else from all its fields; an id used twice in the file falls back to the latter
		Set<String> used = new HashSet<>();
		commitments.stream().filter(c -> c.fundingId != null).forEach(c -> used.add(c.fundingId));
		for (Commitment c : commitments) {
			if (c.fundingId != null) {
				continue;
			}
			String byRef = c.t.ref == null ? null : "T" + hash(c.provider + "|2|ref|" + c.t.ref, 16);
			String byContent = "T" + hash(c.provider + "|2|" + c.date + "|" + c.money.currency() + "|"
					+ c.money.amount().stripTrailingZeros().toPlainString() + "|" + Objects.toString(c.t.ref, ""), 16);
			c.fundingId = byRef != null && used.add(byRef) ? byRef : byContent;
			if (!c.fundingId.equals(byRef)) {
				int n = 1;
				String base = c.fundingId;
				while (!used.add(c.fundingId)) {
					c.fundingId = base + "-" + ++n;
				}
			}
		}
		return commitments;
	}

	private static String transactionName(IatiActivity a, IatiActivity.Transaction t) {
		return a.identifier + " transaction #" + t.index + (t.ref == null ? "" : " (ref " + t.ref + ")");
	}

	/** Who provides the money: the transaction's provider-org, else the activity's funding organisation, else the reporting organisation. */
	private static String provider(IatiActivity a, IatiActivity.Transaction t) {
		String named = orgName(a, t.provider);
		if (named != null) {
			return named;
		}
		Optional<String> funding = a.participatingOrgs.stream().filter(o -> "1".equals(o.role()) && o.label() != null)
				.map(o -> clip(o.label())).findFirst();
		if (funding.isPresent()) {
			return funding.get();
		}
		return a.reportingOrg != null && a.reportingOrg.label() != null ? clip(a.reportingOrg.label()) : "not given";
	}

	/** A provider-org's or receiver-org's name, else the name of the participating org its ref names, else its ref. */
	private static String orgName(IatiActivity a, IatiActivity.Org org) {
		if (org == null) {
			return null;
		}
		if (org.name() != null) {
			return clip(org.name());
		}
		if (org.ref() != null) {
			return a.participatingOrgs.stream().filter(o -> org.ref().equals(o.ref()) && o.name() != null)
					.map(o -> clip(o.name())).findFirst().orElse(clip(org.ref()));
		}
		return null;
	}

	private static LocalDate firstDate(List<Commitment> transactions) {
		return transactions.stream().map(c -> c.date).min(Comparator.naturalOrder()).orElse(null);
	}

	private static String clip(String s) {
		return s.length() > 200 ? s.substring(0, 200) : s;
	}

	/**
	 * Type 2 → a commitment. Finance type 421 from Korea Eximbank → FundViaEximbank (EDCF_LOAN, or EXPORT_CREDIT with
	 * flow type 22); finance type 110 from KOICA → KOICA_GRANT; anything else → OTHER with the provider as funder and
	 * the flow type when OTHER allows it. Our own export says the source ({@code pt:source}, {@code pt:instrument}):
	 * it is recorded as it was. A commitment already recorded (same id) with another amount is corrected. The
	 * corrections the file publishes for a commitment (see {@link #commitments}) are recorded after it, each on its
	 * value date with its description as the reason; those already recorded (by count) are not recorded again.
	 */
	private void recordCommitments(Activity act) {
		for (Commitment c : commitments(act, true)) {
			ProjectView.FundingView existing = act.view().fundings.stream()
					.filter(f -> f.fundingId.equals(c.fundingId)).findFirst().orElse(null);
			MoneyRequest amount = new MoneyRequest(c.money.amount(), c.money.currency());
			if (existing != null && !c.corrections.isEmpty()) {
				recordCorrections(act, c, existing.corrections.size());
				continue;
			}
			if (existing != null) {
				if (existing.amount.currency().equals(c.money.currency())
						&& existing.amount.amount().compareTo(c.money.amount()) != 0) {
					LocalDate on = act.lastUpdated != null && !act.lastUpdated.isAfter(LocalDate.now(clock))
							? act.lastUpdated : LocalDate.now(clock);
					act.write(c.what, () -> writes.correctCommitment(act.projectId, c.fundingId,
							new Requests.CorrectionRequest(amount, act.with("the file now publishes " + c.money
									+ " for " + c.what + " (was " + existing.amount + ")"), on, null), act.run.actor));
				}
				else if (!existing.amount.currency().equals(c.money.currency())) {
					act.run.skip(c.what, "already recorded as " + c.fundingId + " in " + existing.amount.currency()
							+ "; the file now says " + c.money.currency() + ", which a correction cannot change");
				}
				continue;
			}
			List<String> notes = new ArrayList<>();
			if (c.financeType != null && codelists.financeTypeName(c.financeType).isEmpty()) {
				notes.add("finance type " + c.financeType + " is not an active code");
			}
			String detail = c.what + " from " + c.provider + (c.financeType == null ? "" : ", finance type " + c.financeType)
					+ (c.flowType == null ? "" : ", flow type " + c.flowType);
			FundingSource exported = act.own ? FundingCodes.sourceNamed(c.t.source) : null;
			if (exported != null) {
				boolean recorded;
				if (exported == FundingSource.EXIMBANK) {
					EximbankInstrument instrument = FundingCodes.instrumentNamed(c.t.instrument);
					EximbankInstrument chosen = instrument != null ? instrument
							: FundingCodes.instrumentOf(c.flowType);
					recorded = act.write(c.what, () -> writes.fundViaEximbank(act.projectId, new Requests.EximbankFundingRequest(
							c.fundingId, chosen, amount, c.date, null, null, null, null, act.with(detail), null),
							act.run.actor));
				}
				else {
					String flowType = c.t.flowType != null && exported.allowedFlowTypes().contains(c.t.flowType) ? c.t.flowType : null;
					recorded = act.write(c.what, () -> writes.commitFunding(act.projectId, new Requests.FundingRequest(
							c.fundingId, exported, c.provider, amount, c.date, flowType, act.with(detail), null), act.run.actor));
				}
				if (recorded) {
					recordCorrections(act, c, 0);
				}
				continue;
			}
			FundingSource source = FundingCodes.sourceOf(c.financeType, c.provider);
			if (source == FundingSource.EXIMBANK) {
				EximbankInstrument instrument = FundingCodes.instrumentOf(c.flowType);
				if (act.write(c.what, () -> writes.fundViaEximbank(act.projectId, new Requests.EximbankFundingRequest(
						c.fundingId, instrument, amount, c.date, null, null, null, null, act.with(detail + notesText(notes)),
						null), act.run.actor))) {
					recordCorrections(act, c, 0);
				}
				continue;
			}
			String flowType = null;
			if (source == FundingSource.OTHER && c.flowType != null) {
				if (OTHER_FLOW_TYPES.contains(c.flowType)) {
					flowType = c.flowType;
				}
				else {
					notes.add("flow type " + c.flowType + " is not recorded (allowed for OTHER: " + OTHER_FLOW_TYPES + ")");
				}
			}
			String recordedFlow = flowType;
			if (act.write(c.what, () -> writes.commitFunding(act.projectId, new Requests.FundingRequest(c.fundingId, source,
					c.provider, amount, c.date, recordedFlow, act.with(detail + notesText(notes)), null), act.run.actor))) {
				recordCorrections(act, c, 0);
			}
		}
	}

	/**
	 * The corrections of a recorded commitment from the {@code recorded + 1}-th on: each moves the amount in force by
	 * its value (negative: a reduction), on its value date, with its description as the reason. The first refused
	 * ends the series (the later ones build on it).
	 */
	private void recordCorrections(Activity act, Commitment c, int recorded) {
		for (int i = recorded; i < c.corrections.size(); i++) {
			Commitment correction = c.corrections.get(i);
			ProjectView.FundingView funding = act.view().fundings.stream()
					.filter(f -> f.fundingId.equals(c.fundingId)).findFirst().orElse(null);
			if (funding == null) {
				return;
			}
			BigDecimal newAmount = funding.amount.amount().add(correction.money.amount());
			if (newAmount.signum() <= 0) {
				act.run.skip(correction.what, "correcting " + c.fundingId + " (" + funding.amount + ") by "
						+ correction.money.amount().toPlainString() + " leaves nothing committed; not recorded");
				return;
			}
			String reason = correction.t.description != null ? correction.t.description
					: act.with("correction of " + c.what + " by " + correction.money + " (" + correction.what + ")");
			if (!act.write(correction.what, () -> writes.correctCommitment(act.projectId, c.fundingId,
					new Requests.CorrectionRequest(new MoneyRequest(newAmount, funding.amount.currency()), reason,
							correction.date, null), act.run.actor))) {
				return;
			}
		}
	}

	private static String notesText(List<String> notes) {
		return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
	}

	/**
	 * Type 3 → a disbursement, against the earliest commitment of the same funder and currency, dated on or before
	 * it, that still has room for it (first in, first out, over what this file disburses); in our own export, the
	 * commitment its ref names. Our disbursements carry no
	 * id: one already recorded for the same commitment, date and amount counts as present, so a second import
	 * appends nothing.
	 */
	private void recordDisbursements(Activity act) {
		List<Commitment> disbursements = transactions(act, "3", true);
		if (disbursements.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		Map<String, BigDecimal> allocated = new HashMap<>();
		for (ProjectView.FundingView f : act.view().fundings) {
			for (ProjectView.DisbursementView d : f.disbursements) {
				present.merge(disbursementKey(f.fundingId, d.disbursedOn(), d.amount()), 1, Integer::sum);
			}
		}
		List<ProjectView.FundingView> all = act.view().fundings;
		for (Commitment d : disbursements) {
			ProjectView.FundingView target = null;
			BigDecimal room = null;
			boolean anyCandidate = false;
			// our own export names the funding in the ref
			List<ProjectView.FundingView> named = act.own && d.t.ref != null
					? all.stream().filter(f -> f.fundingId.equals(d.t.ref)).toList() : List.of();
			List<ProjectView.FundingView> fundings = named.isEmpty() ? all : named;
			for (ProjectView.FundingView f : fundings) {
				if (!f.amount.currency().equals(d.money.currency()) || f.committedOn.isAfter(d.date) || !sameFunder(f, d.provider)) {
					continue;
				}
				anyCandidate = true;
				BigDecimal left = f.amount.amount().subtract(allocated.getOrDefault(f.fundingId, BigDecimal.ZERO));
				if (left.compareTo(d.money.amount()) >= 0) {
					target = f;
					break;
				}
				room = room == null || left.compareTo(room) > 0 ? left : room;
			}
			if (target == null) {
				act.run.skip(d.what, anyCandidate
						? "disbursement of " + d.money + " on " + d.date + " exceeds what remains of every commitment from "
								+ d.provider + " in " + d.money.currency() + " (at most " + room.toPlainString() + " left on one)"
						: "disbursement of " + d.money + " on " + d.date + ": no commitment from " + d.provider + " in "
								+ d.money.currency() + " dated on or before it");
				continue;
			}
			String fundingId = target.fundingId;
			allocated.merge(fundingId, d.money.amount(), BigDecimal::add);
			String key = disbursementKey(fundingId, d.date, d.money);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			boolean recorded = act.write(d.what, () -> writes.recordDisbursement(act.projectId, new Requests.DisbursementRequest(
					fundingId, new MoneyRequest(d.money.amount(), d.money.currency()), d.date,
					act.with(d.what + " from " + d.provider), null), act.run.actor));
			if (!recorded) {
				allocated.merge(fundingId, d.money.amount().negate(), BigDecimal::add);
			}
		}
	}

	private static boolean sameFunder(ProjectView.FundingView f, String provider) {
		return provider.equals(f.funder) || (f.source == FundingSource.EXIMBANK && FundingCodes.isKoreaEximbank(provider));
	}

	private static String disbursementKey(String fundingId, LocalDate on, Money amount) {
		return fundingId + "|" + on + "|" + amount.currency() + "|" + amount.amount().stripTrailingZeros().toPlainString();
	}

	/**
	 * Type 1 → incoming funds, in their own currency on their value date, from the provider (the transaction's
	 * provider-org, else the activity's funding organisation, else the reporting organisation) to the receiver-org
	 * when published, with the transaction's description. With {@code beforeFirstCommitment} only those dated before
	 * {@code firstCommitment} (all of them when there is none), else the others: the first of the former is what moves
	 * an AGREED project to FINANCED. Under a commitment only in our own export, whose {@code ref} names the funding.
	 * Incoming funds carry no id: one already recorded with the same funding, date, amount and provider counts as
	 * present, so a second import appends nothing.
	 */
	private void recordIncomingFunds(Activity act, LocalDate firstCommitment, boolean beforeFirstCommitment) {
		List<Commitment> incoming = transactions(act, "1", beforeFirstCommitment).stream()
				.filter(c -> (firstCommitment == null || c.date.isBefore(firstCommitment)) == beforeFirstCommitment)
				.toList();
		if (incoming.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		for (ProjectView.IncomingFundsView i : act.view().incomingFunds) {
			present.merge(incomingKey(i.fundingId(), i.receivedOn(), i.amount(), i.provider()), 1, Integer::sum);
		}
		for (Commitment c : incoming) {
			String fundingId = ownFunding(act, c);
			String key = incomingKey(fundingId, c.date, c.money, c.provider);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			String description = description(c.t.description);
			act.write(c.what, () -> writes.recordIncomingFunds(act.projectId, new Requests.IncomingFundsRequest(
					new MoneyRequest(c.money.amount(), c.money.currency()), c.date, fundingId, c.provider, c.receiver,
					description, act.with(c.what + " from " + c.provider), null), act.run.actor));
		}
	}

	/**
	 * Type 4 → an expenditure, in its own currency on its value date, with the provider-org (who spent) and
	 * receiver-org (who was paid) as published, if at all, and the transaction's description. Paid from a commitment
	 * only in our own export, whose {@code ref} names the funding. One already recorded with the same funding, date
	 * and amount counts as present.
	 */
	private void recordExpenditures(Activity act) {
		List<Commitment> expenditures = transactions(act, "4", true);
		if (expenditures.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		for (ProjectView.ExpenditureView e : act.view().expenditures) {
			present.merge(expenditureKey(e.fundingId(), e.spentOn(), e.amount()), 1, Integer::sum);
		}
		IatiActivity a = act.a;
		for (Commitment c : expenditures) {
			String fundingId = ownFunding(act, c);
			String key = expenditureKey(fundingId, c.date, c.money);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			String provider = orgName(a, c.t.provider);
			String description = description(c.t.description);
			act.write(c.what, () -> writes.recordExpenditure(act.projectId, new Requests.ExpenditureRequest(
					new MoneyRequest(c.money.amount(), c.money.currency()), c.date, fundingId, provider, c.receiver,
					description, act.with(c.what + (provider == null ? "" : " by " + provider)
							+ (c.receiver == null ? "" : " to " + c.receiver)), null), act.run.actor));
		}
	}

	/** In our own export, the funding a type 1 or 4 transaction's {@code ref} names, if the project has it; else null. */
	private static String ownFunding(Activity act, Commitment c) {
		if (!act.own || c.t.ref == null) {
			return null;
		}
		return act.view().fundings.stream().anyMatch(f -> f.fundingId.equals(c.t.ref)) ? c.t.ref : null;
	}

	private static String description(String text) {
		return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
	}

	private static String incomingKey(String fundingId, LocalDate on, Money amount, String provider) {
		return Objects.toString(fundingId, "") + "|" + on + "|" + amount.currency() + "|"
				+ amount.amount().stripTrailingZeros().toPlainString() + "|" + provider;
	}

	private static String expenditureKey(String fundingId, LocalDate on, Money amount) {
		return Objects.toString(fundingId, "") + "|" + on + "|" + amount.currency() + "|"
				+ amount.amount().stripTrailingZeros().toPlainString();
	}

	/** The transaction types with no command in our domain (5 interest, 6 loan repayment, 7-13 …): reported, one by one. */
	private void skipUnmodelledTransactions(Activity act) {
		IatiActivity a = act.a;
		for (IatiActivity.Transaction t : a.transactions) {
			if ("1".equals(t.type) || "2".equals(t.type) || "3".equals(t.type) || "4".equals(t.type)) {
				continue;
			}
			String what = transactionName(a, t);
			String value = (t.currency != null ? t.currency : Objects.toString(a.defaultCurrency, "")) + " "
					+ Objects.toString(t.value, "?") + " on " + t.date();
			if (t.type == null) {
				act.run.skip(what, "no transaction-type: " + value);
			}
			else {
				act.run.skip(what, "transaction type " + t.type + " ("
						+ codelists.transactionTypeName(t.type).orElse("unknown code") + ") is not modelled: " + value);
			}
		}
	}

	// --- stage ------------------------------------------------------------------------------------------------

	/**
	 * The stage the activity status implies, reached after the money is recorded, each change on the latest
	 * sensible date: never before the current stage began or the latest money movement, never in the future.
	 * 2 → start implementation (on the actual, else planned, start); 3 and 4 → start if needed, then complete (on
	 * the actual end, else the last-updated date); 5 → cancel and 6 → suspend (on the actual end, else the
	 * last-updated date). Status 1 changes nothing; a project that has not reached the stage a change needs
	 * (no commitment or incoming funds, so not FINANCED) is reported.
	 */
	private void changeStage(Activity act) {
		IatiActivity a = act.a;
		String status = a.status;
		if (status == null || status.equals("1")) {
			return;
		}
		String what = a.identifier + " activity-status " + status;
		String statusName = codelists.activityStatusName(status).orElse("unknown code");
		Stage stage = act.view().stage;
		LocalDate start = a.dates.get("2") != null ? a.dates.get("2") : a.dates.get("1");
		LocalDate end = a.dates.get("4") != null ? a.dates.get("4") : act.lastUpdated;
		String reason = act.with("activity status " + status + " (" + statusName + ")");
		switch (status) {
			case "2", "3", "4" -> {
				Stage target = status.equals("2") ? Stage.IMPLEMENTATION : Stage.COMPLETED;
				if (stage == target || stage == Stage.COMPLETED || stage == Stage.CANCELLED) {
					if (stage != target) {
						act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is " + stage);
					}
					return;
				}
				if (stage == Stage.SUSPENDED) {
					act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is SUSPENDED");
					return;
				}
				if (stage == Stage.PROPOSED || stage == Stage.AGREED) {
					act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is " + stage
							+ " (no commitment or incoming funds recorded), and only a FINANCED project can start implementation");
					return;
				}
				if (stage == Stage.FINANCED && !act.write(what, () -> writes.start(act.projectId,
						new Requests.StageChangeRequest(stageDate(act, start, false), reason, null), act.run.actor))) {
					return;
				}
				if (target == Stage.COMPLETED) {
					act.write(what, () -> writes.complete(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			case "5" -> {
				if (stage != Stage.CANCELLED) {
					if (stage == Stage.COMPLETED) {
						act.run.skip(what, "status 5 (" + statusName + ") not applied: the project is COMPLETED");
						return;
					}
					act.write(what, () -> writes.cancel(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			case "6" -> {
				if (stage != Stage.SUSPENDED) {
					if (stage.isTerminal()) {
						act.run.skip(what, "status 6 (" + statusName + ") not applied: the project is " + stage);
						return;
					}
					act.write(what, () -> writes.suspend(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			default -> act.run.skip(what, "activity status '" + status + "' is not an IATI ActivityStatus code");
		}
	}

	/**
	 * The published date, moved to the start of the current stage if earlier (and, for complete, cancel and suspend,
	 * to the latest money movement), and to today if later.
	 */
	private LocalDate stageDate(Activity act, LocalDate published, boolean afterMoney) {
		ProjectView view = act.view();
		LocalDate date = published;
		List<LocalDate> floors = new ArrayList<>();
		floors.add(view.stageSince);
		for (ProjectView.FundingView f : afterMoney ? view.fundings : List.<ProjectView.FundingView>of()) {
			floors.add(f.committedOn);
			f.disbursements.forEach(d -> floors.add(d.disbursedOn()));
			f.corrections.forEach(c -> floors.add(c.correctedOn()));
		}
		if (afterMoney) {
			view.incomingFunds.forEach(i -> floors.add(i.receivedOn()));
			view.expenditures.forEach(e -> floors.add(e.spentOn()));
		}
		for (LocalDate floor : floors) {
			if (floor != null && (date == null || date.isBefore(floor))) {
				date = floor;
			}
		}
		LocalDate today = LocalDate.now(clock);
		return date == null || date.isAfter(today) ? today : date;
	}

	// --- ids, dates -------------------------------------------------------------------------------------------

	/**
	 * The project id: the iati-identifier when it is a valid id; otherwise every run of other characters becomes
	 * '-', and an id still too short or too long becomes "IATI-" + its first characters + a hash of the identifier.
	 */
	static String projectId(String identifier) {
		if (ProjectId.isValid(identifier)) {
			return identifier;
		}
		String cleaned = ID_CHARS.matcher(identifier.trim()).replaceAll("-");
		if (ProjectId.isValid(cleaned) && !cleaned.equals(identifier)) {
			return cleaned;
		}
		String head = cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
		return "IATI-" + head + "-" + hash(identifier, 12);
	}

	private static LocalDate lastUpdatedDate(String value) {
		if (value == null || value.length() < 10) {
			return null;
		}
		try {
			return LocalDate.parse(value.substring(0, 10));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	static String hash(String value, int hexChars) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, hexChars).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- run state --------------------------------------------------------------------------------------------

	private static final class Run {
		final String file;
		final AuditContext actor;
		final List<ImportReport.Entry> skipped = new ArrayList<>();
		final List<ImportReport.Entry> notes = new ArrayList<>();
		int activitiesRead;
		int imported;
		int updated;
		int unchanged;
		long eventsAppended;

		Run(String file, AuditContext actor) {
			this.file = file;
			this.actor = new AuditContext(actor.actor(), null, null);
		}

		void skip(String identifier, String reason) {
			skipped.add(new ImportReport.Entry(identifier, reason));
		}

		void note(String identifier, String note) {
			notes.add(new ImportReport.Entry(identifier, note));
		}
	}

	/** Counts the bytes read (progress) and stops reading past {@code max} bytes. */
	private static final class CountingStream extends FilterInputStream {
		final long max;
		long count;
		boolean exceeded;

		CountingStream(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(long n) throws IOException {
			count += n;
			if (max > 0 && count > max) {
				exceeded = true;
				throw new IOException("the file is larger than the import limit of " + max + " bytes");
			}
		}
	}

	/** The upload is larger than {@code tracker.iati.import.max-bytes}. */
	public static final class TooLargeException extends RuntimeException {
		TooLargeException(long max) {
			super("the file is larger than the import limit of " + max + " bytes (tracker.iati.import.max-bytes)", null,
					false, false);
		}
	}
}
