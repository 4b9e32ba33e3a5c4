package org.pipelinetracker.project.query;

import jakarta.persistence.criteria.Predicate;
import org.pipelinetracker.fx.FxRates;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers list queries from the {@code project_view} read model (eventually consistent: it follows the
 * event store within milliseconds).
 */
@Service
@Transactional(readOnly = true)
public class ProjectViews {

	private final ProjectRowRepository rows;
	private final JsonMapper json;
	private final FxRates fx;

	ProjectViews(ProjectRowRepository rows, JsonMapper json, FxRates fx) {
		this.rows = rows;
		this.json = json;
		this.fx = fx;
	}

	public PageOf<ProjectSummary> list(ProjectFilter filter, int page, int size) {
		Specification<ProjectRow> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.stage() != null) {
				where.add(cb.equal(root.get("stage"), filter.stage()));
			}
			if (filter.sector() != null) {
				where.add(cb.equal(root.get("sector"), filter.sector()));
			}
			if (filter.region() != null) {
				where.add(cb.equal(root.get("region"), filter.region()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		Page<ProjectRow> result = rows.findAll(spec, PageRequest.of(page, size, Sort.by("projectId")));
		List<ProjectSummary> content = result.getContent().stream()
				.map(row -> ProjectSummary.of(json.readValue(row.document(), ProjectView.class).normalise(fx)))
				.toList();
		return new PageOf<>(content, page, size, result.getTotalElements(), result.getTotalPages());
	}

}
