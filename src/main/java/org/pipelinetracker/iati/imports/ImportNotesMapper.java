package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.app.PublishedRecordService;
import org.pipelinetracker.project.app.Requests;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the import's data-quality notes on the project: every note and every skip of the activity (what was adjusted
 * or not recorded, and why), as the notes of the project's latest import, dated on its proposal (they describe the
 * record, as a text in another language does). They replace the notes of the import before; the same notes again
 * record nothing. Never written into the description.
 */
@Component
class ImportNotesMapper {

	/** The most notes kept on a project; the report lists them all. */
	static final int MAX_NOTES = 2000;

	private final PublishedRecordService records;

	ImportNotesMapper(PublishedRecordService records) {
		this.records = records;
	}

	void record(ActivityImport act) {
		List<Requests.ImportNoteRequest> notes = new ArrayList<>(act.notes.size() > MAX_NOTES
				? act.notes.subList(0, MAX_NOTES) : act.notes);
		var kept = act.view().importNotes;
		boolean same = kept.size() == notes.size();
		for (int i = 0; same && i < notes.size(); i++) {
			same = kept.get(i).kind() == notes.get(i).kind() && Objects.equals(kept.get(i).subject(), notes.get(i).subject())
					&& kept.get(i).text().equals(notes.get(i).text());
		}
		if (same) {
			return;
		}
		IatiActivity a = act.activity;
		act.write(a.identifier + " import notes", () -> records.recordImportNotes(act.projectId,
				new Requests.ImportNotesRequest(act.run.file, a.lastUpdated, notes, act.view().proposedOn,
						act.with("the import's notes on the activity"), null), act.run.actor));
	}
}
