package org.pipelinetracker.reporting;

import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectViews;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fundings a reporting workbook covers: every funding of one funder (by name, case aside), or of one project. */
@Component
class ReportScope {

	/** One funding of one project, as the project stands now. */
	record Funded(ProjectView project, FundingView funding) {
	}

	private final ProjectViews views;
	private final ProjectTimeline timeline;

	ReportScope(ProjectViews views, ProjectTimeline timeline) {
		this.views = views;
		this.timeline = timeline;
	}

	/** Every funding of {@code funder}, in project id and recording order. */
	List<Funded> ofFunder(String funder) {
		String wanted = normal(funder);
		return all().stream().filter(f -> normal(f.funding().funder).equals(wanted)).toList();
	}

	/** Every funding of one project; empty when there is no such project. */
	Optional<List<Funded>> ofProject(String projectId) {
		return timeline.current(projectId).map(p -> p.fundings.stream().map(f -> new Funded(p, f)).toList());
	}

	/**
	 * Every funding of every project, from the list's read model (each project trimmed to its id, title and
	 * fundings): folding every project's events here cost the notification poller a read of the whole store each
	 * minute and held every project in memory (out of memory in 512 MB at 1M events).
	 */
	List<Funded> all() {
		List<Funded> all = new ArrayList<>();
		for (ProjectView p : views.fundingsOfAll()) {
			p.fundings.forEach(f -> all.add(new Funded(p, f)));
		}
		return all;
	}

	/** Changes whenever {@link #all} may answer differently ({@link ProjectViews#fingerprint}). */
	String fingerprint() {
		return views.fingerprint();
	}

	/** The project now, if any. */
	Optional<ProjectView> project(String projectId) {
		return timeline.current(projectId);
	}

	static String normal(String name) {
		return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
