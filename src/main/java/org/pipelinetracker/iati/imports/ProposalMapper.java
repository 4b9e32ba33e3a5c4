package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.AgreementDocuments;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ProjectView;
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
	 * proposal is refused.
	 */
	boolean propose(ActivityImport act, ActivityTexts texts) {
		IatiActivity a = act.activity;
		if (texts.title() == null) {
			act.skip(a.identifier, "no title: an activity without a title cannot be proposed");
			return false;
		}
		Requests.ProposeProjectRequest request = plan(act, texts);
		AuditContext audit = act.run.actor;
		try {
			WriteResult result = writes.propose(request, audit);
			act.version = result.version();
			return true;
		}
		catch (CommandRejectedException | InvalidRequestException e) {
			act.skip(a.identifier, "not proposed: " + e.getMessage());
			return false;
		}
	}

	/**
	 * For a project imported before, which keeps its proposal: the same notes as when it was proposed (so the same
	 * file gives the same notes), and a note for each of its sector, region and partners that the file now gives
	 * otherwise.
	 */
	void noteDifferences(ActivityImport act, ActivityTexts texts) {
		if (texts.title() == null) {
			act.note(act.activity.identifier, "no title in the file; the project's title stays as recorded");
		}
		Requests.ProposeProjectRequest published = plan(act, texts.title() == null ? texts.withTitle("-") : texts);
		ProjectView view = act.view();
		String stays = "; the project keeps the one of its proposal, ";
		String id = act.activity.identifier;
		if (!published.sector().equals(view.sector)) {
			act.note(id, "the file's sector is " + published.sector() + stays + view.sector);
		}
		if (!published.region().equals(view.region)) {
			act.note(id, "the file's region is " + published.region() + stays + view.region);
		}
		List<Requests.PartnerRequest> partners = published.partners();
		boolean same = partners.size() == view.partners.size();
		for (int i = 0; same && i < partners.size(); i++) {
			same = OrganisationMapper.same(partners.get(i), view.partners.get(i));
		}
		if (!same) {
			act.note(id, "the participating organisations differ from the partners recorded when the project was"
					+ " proposed, which stay as they were: " + partners.stream().map(OrganisationMapper::describe)
							.reduce((x, y) -> x + "; " + y).orElse("none"));
		}
	}

	/**
	 * The proposal the activity gives, each adjustment noted: a planned end before the planned start is left out; a
	 * title is kept to 300 characters and a description to 5000.
	 */
	private Requests.ProposeProjectRequest plan(ActivityImport act, ActivityTexts texts) {
		IatiActivity a = act.activity;
		List<String> notes = new ArrayList<>();
		String sector = sectors.sector(a, notes);
		String region = regions.region(a, notes);
		List<Requests.PartnerRequest> partners = organisations.partners(act);
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
		String description = texts.description();
		if (description != null && description.length() > ActivityTexts.MAX_DESCRIPTION) {
			notes.add("description shortened to " + ActivityTexts.MAX_DESCRIPTION + " characters");
			description = ActivityTexts.shorten(description, ActivityTexts.MAX_DESCRIPTION);
		}
		notes.forEach(n -> act.note(a.identifier, n));
		return new Requests.ProposeProjectRequest(act.projectId, title, description, sector, region, partners, null,
				proposedOn, plannedStart, plannedEnd, act.reason, null, texts.language());
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
