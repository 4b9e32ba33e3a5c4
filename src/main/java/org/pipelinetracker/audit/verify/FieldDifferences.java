package org.pipelinetracker.audit.verify;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where two values of a column differ: for a JSON document (a {@code ProjectView} in {@code project_view.document})
 * each differing field by its JSON path ({@code $.alerts[0].dueOn}) with both values in full; for any other value the
 * column itself. So a difference in a long document can be seen without reading the whole document.
 */
final class FieldDifferences {

	static final int MAX_PER_ROW = 20;
	/** Decimals read exactly, so an amount's every digit is compared and shown. */
	private static final JsonMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private FieldDifferences() {
	}

	/** The fields of {@code column} that differ ({@code live} and {@code expected} are normalised values). */
	static List<FieldDifference> of(String column, Object live, Object expected) {
		JsonNode liveJson = json(live);
		JsonNode expectedJson = json(expected);
		if (liveJson == null || expectedJson == null) {
			return List.of(new FieldDifference(column, null, live, expected));
		}
		List<FieldDifference> fields = new ArrayList<>();
		compare(column, "$", liveJson, expectedJson, fields);
		if (fields.isEmpty()) {
			// the same content written differently (e.g. another key order): still a difference, shown whole
			fields.add(new FieldDifference(column, "$", live, expected));
		}
		return fields;
	}

	private static void compare(String column, String path, JsonNode live, JsonNode expected, List<FieldDifference> out) {
		if (out.size() >= MAX_PER_ROW || same(live, expected)) {
			return;
		}
		if (live != null && expected != null && live.isObject() && expected.isObject()) {
			TreeSet<String> names = new TreeSet<>(live.propertyNames());
			names.addAll(expected.propertyNames());
			for (String name : names) {
				compare(column, path + "." + name, live.get(name), expected.get(name), out);
			}
		}
		else if (live != null && expected != null && live.isArray() && expected.isArray()) {
			for (int i = 0; i < Math.max(live.size(), expected.size()); i++) {
				compare(column, path + "[" + i + "]", live.get(i), expected.get(i), out);
			}
		}
		else {
			out.add(new FieldDifference(column, path, value(live), value(expected)));
		}
	}

	/** Equal, numbers by value (100.5 and 100.50 are the same amount), a missing field as null. */
	private static boolean same(JsonNode live, JsonNode expected) {
		if (isNull(live) || isNull(expected)) {
			return isNull(live) && isNull(expected);
		}
		if (live.isNumber() && expected.isNumber()) {
			return live.decimalValue().compareTo(expected.decimalValue()) == 0;
		}
		if (live.isContainer() || expected.isContainer()) {
			return false; // compared field by field
		}
		return Objects.equals(live, expected);
	}

	private static boolean isNull(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	/** A leaf as itself (text, number, boolean, null), a missing field as null, a container as its JSON. */
	private static Object value(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isNumber()) {
			return node.decimalValue().toPlainString();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		return node.toString();
	}

	private static JsonNode json(Object value) {
		if (!(value instanceof String text)) {
			return null;
		}
		String trimmed = text.strip();
		if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
			return null;
		}
		try {
			return JSON.readTree(trimmed);
		}
		catch (JacksonException e) {
			return null;
		}
	}
}
