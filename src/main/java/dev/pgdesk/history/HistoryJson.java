package dev.pgdesk.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Lines form of the history: a header line {@code {"formatVersion":1}}, then one JSON object per
 * entry. Unknown fields are ignored, so that extra fields from a newer pgdesk of the same format load.
 */
final class HistoryJson {
    /** The format this version writes; files with a higher number are not read. */
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryJson() {}

    /** A line that is not a history entry; the message says why. */
    static final class BadEntryException extends Exception {
        BadEntryException(String message) {
            super(message);
        }
    }

    static ObjectNode header() {
        ObjectNode node = NODES.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        return node;
    }

    static ObjectNode toJson(HistoryEntry entry) {
        ObjectNode node = NODES.objectNode();
        node.put("executedAt", entry.executedAt().toString());
        node.put("profileId", entry.profileId());
        node.put("profileName", entry.profileName());
        node.put("statement", entry.statement());
        ArrayNode parameters = node.putArray("parameters");
        for (HistoryParameter parameter : entry.parameters()) {
            ObjectNode item = parameters.addObject();
            item.put("label", parameter.label());
            item.put("type", parameter.type());
            item.put("value", parameter.value());
        }
        node.put("durationMillis", entry.durationMillis());
        node.put("rows", entry.rows());
        node.put("outcome", entry.outcome().name().toLowerCase(Locale.ROOT));
        node.put("message", entry.message());
        return node;
    }

    static HistoryEntry fromJson(JsonNode node) throws BadEntryException {
        if (node == null || !node.isObject()) {
            throw new BadEntryException("not a JSON object");
        }
        Instant executedAt;
        try {
            executedAt = Instant.parse(text(node, "executedAt", true));
        } catch (DateTimeParseException e) {
            throw new BadEntryException("executedAt is not a time");
        }
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(text(node, "outcome", true).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadEntryException("unknown outcome");
        }
        JsonNode rows = node.get("rows");
        if (rows != null && !rows.isNull() && !rows.canConvertToLong()) {
            throw new BadEntryException("rows is not a number");
        }
        JsonNode duration = node.get("durationMillis");
        if (duration == null || !duration.canConvertToLong()) {
            throw new BadEntryException("durationMillis is not a number");
        }
        try {
            return new HistoryEntry(
                    executedAt,
                    text(node, "profileId", false),
                    text(node, "profileName", true),
                    text(node, "statement", true),
                    parameters(node.get("parameters")),
                    duration.longValue(),
                    rows == null || rows.isNull() ? null : rows.longValue(),
                    outcome,
                    text(node, "message", false));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadEntryException(e.getMessage());
        }
    }

    private static List<HistoryParameter> parameters(JsonNode array) throws BadEntryException {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new BadEntryException("parameters is not a list");
        }
        List<HistoryParameter> parameters = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            parameters.add(new HistoryParameter(
                    text(item, "label", true), text(item, "type", false), text(item, "value", false)));
        }
        return parameters;
    }

    private static String text(JsonNode node, String field, boolean required) throws BadEntryException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadEntryException(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new BadEntryException(field + " is not text");
        }
        return value.textValue();
    }
}
