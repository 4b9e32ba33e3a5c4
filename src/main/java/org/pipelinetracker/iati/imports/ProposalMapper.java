package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.AgreementDocuments;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.WriteResult;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Proposes the project of an activity not imported before: its original title and description with their language
 * ({@link ActivityTexts}; the other languages are {@link TextMapper}'s), sector ({@link SectorMapper}),
 * region ({@link RegionMapper}), partners ({@link OrganisationMapper}), proposal date and planned dates. Every
 * adjustment is a note of the report; for other publishers the notes are also appended to the description.
 */
@Component
class ProposalMapper {

	private final ProjectWriteService writes;
	private final SectorMapper sectors;
	private final RegionMapper regions;
	private final OrganisationMapper organisations;
	private final Clock clock;

	ProposalMapper(ProjectWriteService writes, SectorMapper sectors, RegionMapper regions,
			OrganisationMapper organisations, Clock clock) {
		this.writes = writes;
		this.sectors = sectors;
		this.regions = regions;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Proposes the project: true when proposed, false (reported as skipped) when the activity has no title or the
	 * proposal is refused. A planned end before the planned start is left out; a title is kept to 300 characters
	 * and a description to 5000.
	 */
	boolean propose(ActivityImport act, ActivityTexts texts) {
		IatiActivity a = act.activity;
		if (texts.title() == null) {
			act.run.skip(a.identifier, "no title: an activity without a title cannot be proposed");
			return false;
		}
		List<String> notes = new ArrayList<>();
		String sector = sectors.sector(a, notes);
		String region = regions.region(a, notes);
		List<Requests.PartnerRequest> partners = organisations.partners(a, notes);
		LocalDate proposedOn = proposedOn(act, notes);
		LocalDate plannedStart = a.dates.get("1");
		LocalDate plannedEnd = a.dates.get("3");
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			notes.add("planned end " + plannedEnd + " is before the planned start " + plannedStart + "; left out");
			plannedEnd = null;
		}
		String title = texts.title();
		if (title.length() > ActivityTexts.MAX_TITLE) {
			title = ActivityTexts.shorten(title, ActivityTexts.MAX_TITLE);
			notes.add("title shortened to 300 characters");
		}
		notes.forEach(n -> act.run.note(a.identifier, n));
		StringBuilder description = new StringBuilder(texts.description() == null ? "" : texts.description());
		// our own export's description is ours verbatim; the notes stay in the report
		if (!notes.isEmpty() && !act.own) {
			description.append(description.isEmpty() ? "" : "\n\n").append("IATI import notes: ").append(String.join("; ", notes)).append('.');
		}
		String text = ActivityTexts.shorten(description.toString(), ActivityTexts.MAX_DESCRIPTION);
		Requests.ProposeProjectRequest request = new Requests.ProposeProjectRequest(act.projectId, title,
				text.isEmpty() ? null : text, sector, region, partners, null, proposedOn, plannedStart, plannedEnd,
				act.reason, null, texts.language());
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
	 * The earliest of: planned and actual start, every transaction date, the dates of MoU and contract documents;
	 * else the last-updated date; else today. Never in the future.
	 */
	private LocalDate proposedOn(ActivityImport act, List<String> notes) {
		IatiActivity a = act.activity;
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
			if (d.date() != null && AgreementDocuments.agreementType(d.categories()) != null) {
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
}
