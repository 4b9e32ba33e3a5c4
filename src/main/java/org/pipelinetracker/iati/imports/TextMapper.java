package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;

/**
 * Records the activity's title and description in every language other than the project's original
 * ({@link ActivityTexts}): each one the project does not hold yet, or holds with another text, dated on the
 * project's proposal (a translation is as old as the text it translates). Importing the same file again records
 * nothing.
 */
@Component
class TextMapper {

	private final ProjectWriteService writes;

	TextMapper(ProjectWriteService writes) {
		this.writes = writes;
	}

	void record(ActivityImport act, ActivityTexts texts) {
		IatiActivity a = act.activity;
		texts.notes().forEach(note -> act.note(a.identifier, note));
		for (Map.Entry<String, ActivityTexts.Text> entry : texts.others().entrySet()) {
			String language = entry.getKey();
			ActivityTexts.Text text = entry.getValue();
			ProjectView view = act.view();
			if (language.equals(view.language)) {
				act.note(a.identifier, "title/description in '" + language + "' not kept: the project's original"
						+ " text is in that language and stays as first imported");
				continue;
			}
			ProjectView.TextView recorded = view.texts.get(language);
			if (recorded != null && (text.title() == null || Objects.equals(text.title(), recorded.title()))
					&& (text.description() == null || Objects.equals(text.description(), recorded.description()))) {
				continue; // already recorded
			}
			act.write(a.identifier + " title/description in '" + language + "'", () -> writes.recordText(act.projectId,
					new Requests.ProjectTextRequest(language, text.title(), text.description(), view.proposedOn,
							act.with("title and description in '" + language + "'"), null),
					act.run.actor));
		}
	}
}
