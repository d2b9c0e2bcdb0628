package dev.pgdesk.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The JSON form of one tab: {@code {"formatVersion":1,"id":...,"text":...}}. Unknown fields are ignored,
 * so that a file with extra fields from a newer pgdesk of the same format still loads.
 */
final class TabJson {
    /** The format this version writes; files with a higher number are not read. */
    static final int FORMAT_VERSION = 1;

    private TabJson() {}

    /** A tab file that cannot be read; the message says what is wrong with it. */
    static final class BadTabException extends Exception {
        BadTabException(String message) {
            super(message);
        }
    }

    static ObjectNode toJson(EditorTabState tab) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("id", tab.id());
        node.put("profileId", tab.profileId());
        node.put("title", tab.title());
        node.put("file", tab.file() == null ? null : tab.file().toString());
        node.put("modified", tab.modified());
        node.put("timeoutSeconds", tab.timeoutSeconds());
        node.put("caret", tab.caret());
        node.put("order", tab.order());
        node.put("text", tab.text());
        return node;
    }

    static EditorTabState fromJson(JsonNode node) throws BadTabException {
        if (node == null || !node.isObject()) {
            throw new BadTabException("it is not a JSON object");
        }
        JsonNode version = node.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            throw new BadTabException("it has no valid formatVersion");
        }
        if (version.intValue() > FORMAT_VERSION) {
            throw new BadTabException("it was written by a newer version of pgdesk (format version "
                    + version.intValue() + "; this version reads " + FORMAT_VERSION + ")");
        }
        String text = requiredText(node, "text");
        String fileText = optionalText(node, "file");
        Path file;
        try {
            file = fileText == null ? null : Path.of(fileText);
        } catch (InvalidPathException e) {
            throw new BadTabException("its file \"" + fileText + "\" is not a valid path");
        }
        int caret = intOr(node, "caret", 0);
        try {
            return new EditorTabState(
                    requiredText(node, "id"),
                    optionalText(node, "profileId"),
                    requiredText(node, "title"),
                    file,
                    text,
                    booleanOr(node, "modified", true),
                    intOr(node, "timeoutSeconds", EditorTabState.DEFAULT_TIMEOUT_SECONDS),
                    // A caret past the end costs nothing to fix, and the text matters more.
                    Math.max(0, Math.min(caret, text.length())),
                    intOr(node, "order", 0));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadTabException(e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String field) throws BadTabException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadTabException("it has no text field \"" + field + "\"");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) throws BadTabException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadTabException("its field \"" + field + "\" is not text");
        }
        return value.textValue();
    }

    private static int intOr(JsonNode node, String field, int fallback) throws BadTabException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw new BadTabException("its field \"" + field + "\" is not a whole number");
        }
        return value.intValue();
    }

    private static boolean booleanOr(JsonNode node, String field, boolean fallback) throws BadTabException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new BadTabException("its field \"" + field + "\" is not true or false");
        }
        return value.booleanValue();
    }
}
