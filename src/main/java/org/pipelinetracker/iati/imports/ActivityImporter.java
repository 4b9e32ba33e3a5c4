package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Imports one activity: which project it is ({@link ProjectIdentifiers}), then, through the mappers, the proposal
 * (only for a project not imported before, with its partners), its title and description in other languages, its
 * documents, the agreements, the money, the plans (budgets and planned disbursements), the status its publisher reports and, last, the import's notes on it, in
 * that order, since each needs what the one before recorded. One activity failing never stops the file: the report
 * says what went wrong.
 */
@Component
class ActivityImporter {

	/** The importer's log. */
	private static final Logger log = LoggerFactory.getLogger(IatiImporter.class);

	private final ProjectIdentifiers identifiers;
	private final ProjectTimeline timeline;
	private final ProposalMapper proposals;
	private final TextMapper texts;
	private final DocumentMapper documents;
	private final AgreementMapper agreements;
	private final MoneyMapper money;
	private final PlanMapper plans;
	private final ActivityStatusMapper status;
	private final ImportNotesMapper notes;

	ActivityImporter(ProjectIdentifiers identifiers, ProjectTimeline timeline, ProposalMapper proposals,
			TextMapper texts, DocumentMapper documents, AgreementMapper agreements, MoneyMapper money,
			PlanMapper plans, ActivityStatusMapper status, ImportNotesMapper notes) {
		this.identifiers = identifiers;
		this.timeline = timeline;
		this.proposals = proposals;
		this.texts = texts;
		this.documents = documents;
		this.agreements = agreements;
		this.money = money;
		this.plans = plans;
		this.status = status;
		this.notes = notes;
	}

	/** Imports the activity and counts it on the run (imported, updated or unchanged), or reports it as skipped. */
	void importActivity(IatiActivity a, ImportRun run) {
		if (a.identifier == null) {
			run.skip("activity #" + run.activitiesRead, "no iati-identifier");
			return;
		}
		ProjectIdentifiers.Identity identity = identifiers.identify(a, run);
		ActivityImport act = new ActivityImport(a, identity, run, timeline);
		if (identity.adjusted() != null) {
			act.note(a.identifier, identity.adjusted());
		}
		a.problems.forEach(p -> act.note(a.identifier, p));
		try {
			Optional<ProjectView> existing = timeline.current(act.projectId);
			long before = existing.map(v -> v.version).orElse(-1L);
			act.version = before;
			ActivityTexts narratives = ActivityTexts.of(a, act.own);
			if (existing.isEmpty() && !proposals.propose(act, narratives)) {
				return;
			}
			if (existing.isPresent()) {
				proposals.noteDifferences(act, narratives);
			}
			texts.record(act, narratives);
			documents.record(act);
			agreements.record(act);
			money.record(act);
			plans.record(act);
			status.apply(act);
			notes.record(act);
			run.counted(existing.isEmpty(), act.version - before);
		}
		catch (RuntimeException e) {
			// never stop the file for one activity; the report says what went wrong
			log.warn("IATI import of {}: activity {} failed", run.file, a.identifier, e);
			run.skip(a.identifier, "import failed: " + e.getMessage());
		}
	}
}
