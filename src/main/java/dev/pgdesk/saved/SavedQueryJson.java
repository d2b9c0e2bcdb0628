package dev.pgdesk.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Converts saved queries to and from the JSON of {@code saved-queries.json} (docs/saved-queries-format.md). */
final class SavedQueryJson {
    static final int FORMAT_VERSION = 1;
    static final String GLOBAL = "global";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SavedQueryJson() {}

    static ObjectNode toJson(List<SavedQuery> queries) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = root.putArray("queries");
        queries.forEach(query -> array.add(toJson(query)));
        return root;
    }

    private static ObjectNode toJson(SavedQuery query) {
        ObjectNode node = NODES.objectNode();
        node.put("name", query.name());
        node.put("scope", query.isGlobal() ? GLOBAL : "profile");
        if (!query.isGlobal()) {
            node.put("profileId", query.profileId());
        }
        node.put("description", query.description());
        node.put("sql", query.sql());
        ArrayNode parameters = node.putArray("parameters");
        for (SavedParameter parameter : query.parameters()) {
            ObjectNode p = parameters.addObject();
            p.put("name", parameter.name());
            p.put("default", parameter.defaultValue());
            if (parameter.typeHint() != null) {
                p.put("type", parameter.typeHint());
            }
        }
        node.put("created", query.created().toString());
        node.put("updated", query.updated().toString());
        return node;
    }

    /** @throws BadEntryException saying what is wrong with the entry */
    static SavedQuery fromJson(JsonNode node) throws BadEntryException {
        if (!node.isObject()) {
            throw new BadEntryException("it is not a JSON object");
        }
        String scope = text(node, "scope", GLOBAL);
        String profileId = null;
        if (scope.equals("profile")) {
            profileId = text(node, "profileId", null);
            if (profileId == null || profileId.isBlank()) {
                throw new BadEntryException("its scope is \"profile\" but it has no profileId");
            }
        } else if (!scope.equals(GLOBAL)) {
            throw new BadEntryException("its scope is \"" + scope + "\", not \"global\" or \"profile\"");
        }
        List<SavedParameter> parameters = new ArrayList<>();
        JsonNode array = node.get("parameters");
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                throw new BadEntryException("its parameters are not a list");
            }
            for (JsonNode p : array) {
                try {
                    parameters.add(
                            new SavedParameter(text(p, "name", null), text(p, "default", null), text(p, "type", null)));
                } catch (IllegalArgumentException e) {
                    throw new BadEntryException(e.getMessage());
                }
            }
        }
        try {
            return new SavedQuery(
                    text(node, "name", null),
                    text(node, "description", ""),
                    text(node, "sql", null),
                    parameters,
                    profileId,
                    instant(node, "created"),
                    instant(node, "updated"));
        } catch (IllegalArgumentException e) {
            throw new BadEntryException(e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String fallback) throws BadEntryException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new BadEntryException("its " + field + " is not a string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field) throws BadEntryException {
        String text = text(node, field, null);
        if (text == null) {
            throw new BadEntryException("it has no " + field + " time");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadEntryException("its " + field + " time '" + text + "' is not an ISO 8601 instant");
        }
    }

    /** An entry of the file that cannot be read as a saved query. */
    static final class BadEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        BadEntryException(String message) {
            super(message);
        }
    }
}
