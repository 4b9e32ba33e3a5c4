package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Stage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order of the project list: {@code sort=field,dir} of {@code GET /api/projects}, e.g. {@code title,asc} or
 * {@code proposedOn,desc}. Every order ends with the project id (ascending), so paging is stable; without a sort the
 * list is in project id order, as it always was. The columns the project-status read model keeps order a page in
 * SQL; {@code committed} and {@code disbursed} order by the amounts converted to the list's display currency
 * ({@link #money()}), with the projects that hold such an amount without a usable rate last in either direction.
 */
public record ProjectSort(Field field, boolean descending) {

	public static final ProjectSort DEFAULT = new ProjectSort(Field.PROJECT_ID, false);

	public enum Field {
		PROJECT_ID("projectId", "project_id"), TITLE("title", "title"), SECTOR("sector", "sector"),
		REGION("region", "region"), STAGE("stage", "stage"), PROPOSED_ON("proposedOn", "proposed_on"),
		LAST_EVENT_AT("lastEventAt", "last_event_at"),
		/** Committed, converted to the display currency: ordered after conversion, not in SQL. */
		COMMITTED("committed", null),
		/** Disbursed, converted to the display currency: ordered after conversion, not in SQL. */
		DISBURSED("disbursed", null);

		private final String name;
		private final String column;

		Field(String name, String column) {
			this.name = name;
			this.column = column;
		}

		/** As the API names it ({@code proposedOn}). */
		public String apiName() {
			return name;
		}

		static Optional<Field> named(String name) {
			return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
		}
	}

	/** The API's names of the fields a list can be sorted by, for messages. */
	public static String fieldNames() {
		return Arrays.stream(Field.values()).map(Field::apiName).collect(Collectors.joining(", "));
	}

	/**
	 * {@code field} or {@code field,asc|desc}; empty for anything else. A blank or absent value is the default order.
	 */
	public static Optional<ProjectSort> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(DEFAULT);
		}
		String[] parts = value.split(",", -1);
		if (parts.length > 2) {
			return Optional.empty();
		}
		Optional<Field> field = Field.named(parts[0].trim());
		String dir = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
		if (field.isEmpty() || !(dir.equals("asc") || dir.equals("desc"))) {
			return Optional.empty();
		}
		return Optional.of(new ProjectSort(field.get(), dir.equals("desc")));
	}

	/** Whether the order is by a converted amount (committed, disbursed), which SQL cannot give. */
	boolean money() {
		return field.column == null;
	}

	/**
	 * The SQL order (column names only from the enum, never from the request); stages in their life-cycle order
	 * ({@link Stage} order), not alphabetically. For an order by money, the project id (the order the summaries are
	 * read in before they are sorted).
	 */
	String orderBy() {
		if (money()) {
			return "project_id asc";
		}
		String direction = descending ? " desc" : " asc";
		if (field == Field.PROJECT_ID) {
			return "project_id" + direction;
		}
		String key = field.column;
		if (field == Field.STAGE) {
			StringBuilder lifeCycle = new StringBuilder("case stage");
			for (Stage stage : Stage.values()) {
				lifeCycle.append(" when '").append(stage.name()).append("' then ").append(stage.ordinal());
			}
			key = lifeCycle.append(" end").toString();
		}
		return key + direction + ", project_id asc";
	}
}
