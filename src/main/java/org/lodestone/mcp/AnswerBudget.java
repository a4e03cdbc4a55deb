package org.lodestone.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Fits a tool's answer into a fixed number of characters. An assistant pays for every token of an answer and loses
 * what does not fit its context, so a neighbourhood of 500 links or 1,000 Cypher rows must not arrive whole. Whole
 * items are dropped from the end of lists, outermost lists first (whole paths, rows, links, never one hop of a path),
 * so every fact that remains still carries its dates, confidence, quote and sources; what was dropped is listed in
 * the answer, so the assistant can say so or narrow the question.
 */
final class AnswerBudget {

	// Room kept for the list of what was dropped and the note.
	private static final int RESERVE = 1_000;

	private static final int LONG_TEXT = 500;

	private final JsonMapper json;

	private final int maxChars;

	AnswerBudget(JsonMapper json, int maxChars) {
		this.json = json;
		this.maxChars = maxChars;
	}

	int maxChars() {
		return this.maxChars;
	}

	/**
	 * @param answer what a service returned
	 * @return {@code {"answer": ..., "truncated": ..., "omitted": [...], "note": ...}}, at most {@link #maxChars()}
	 * characters when written as JSON
	 */
	ObjectNode fit(Object answer) {
		ObjectNode envelope = this.json.createObjectNode();
		envelope.set("answer", this.json.valueToTree(answer));
		envelope.put("truncated", false);
		if (length(envelope) <= this.maxChars) {
			return envelope;
		}
		Map<String, int[]> omitted = new LinkedHashMap<>();
		int budget = this.maxChars - RESERVE;
		for (int size = length(envelope); size > budget; size = length(envelope)) {
			Found target = pick(envelope.get("answer"));
			if (target == null) {
				break;
			}
			int items = target.array.size();
			int excess = size - budget;
			int remove = (int) Math.min(items, Math.max(1, Math.ceil((double) items * excess / target.length)));
			omitted.computeIfAbsent(target.pointer, p -> new int[] { items, items })[1] = items - remove;
			for (int i = 0; i < remove; i++) {
				target.array.remove(target.array.size() - 1);
			}
		}
		if (length(envelope) > budget) {
			shortenTexts(envelope.get("answer"));
		}
		envelope.put("truncated", true);
		ArrayNode dropped = envelope.putArray("omitted");
		omitted.forEach((pointer, counts) -> dropped.addObject().put("at", pointer).put("total", counts[0])
			.put("kept", counts[1]));
		envelope.put("note", "The answer was cut to " + this.maxChars + " characters: 'omitted' lists what was left out"
				+ " of which list. Narrow the question (a limit, a depth, dates, types) to see the rest.");
		if (length(envelope) > this.maxChars) {
			ObjectNode refused = this.json.createObjectNode();
			refused.putNull("answer");
			refused.put("truncated", true);
			refused.put("note", "The answer does not fit " + this.maxChars + " characters even with its lists cut;"
					+ " narrow the question.");
			return refused;
		}
		return envelope;
	}

	int length(JsonNode node) {
		return this.json.writeValueAsString(node).length();
	}

	// The shallowest list with two items or more (one item, if no list has two), the longest among equals.
	private Found pick(JsonNode root) {
		List<Found> arrays = new ArrayList<>();
		collect(root, "", 0, arrays);
		Found best = null;
		boolean bestPlural = false;
		for (Found found : arrays) {
			boolean plural = found.array.size() >= 2;
			if (best == null || (plural && !bestPlural) || (plural == bestPlural && (found.depth < best.depth
					|| (found.depth == best.depth && found.length > best.length)))) {
				best = found;
				bestPlural = plural;
			}
		}
		return best;
	}

	private void collect(JsonNode node, String pointer, int depth, List<Found> into) {
		if (node instanceof ArrayNode array) {
			if (!array.isEmpty()) {
				into.add(new Found(pointer.isEmpty() ? "/" : pointer, array, depth, length(array)));
			}
			for (int i = 0; i < array.size(); i++) {
				collect(array.get(i), pointer + "/" + i, depth + 1, into);
			}
		}
		else if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> entry : object.properties()) {
				collect(entry.getValue(), pointer + "/" + entry.getKey(), depth + 1, into);
			}
		}
	}

	private static void shortenTexts(JsonNode node) {
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isString() && item.stringValue().length() > LONG_TEXT) {
					array.set(i, StringNode.valueOf(item.stringValue().substring(0, LONG_TEXT) + "…"));
				}
				else {
					shortenTexts(item);
				}
			}
		}
		else if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (value.isString() && value.stringValue().length() > LONG_TEXT) {
					object.set(name, StringNode.valueOf(value.stringValue().substring(0, LONG_TEXT) + "…"));
				}
				else {
					shortenTexts(value);
				}
			}
		}
	}

	private record Found(String pointer, ArrayNode array, int depth, int length) {
	}

}
