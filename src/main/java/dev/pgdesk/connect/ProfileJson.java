package dev.pgdesk.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of saved profiles: {@code {"formatVersion":1,"profiles":[...]}} with one object per
 * profile holding every field except the password, which is never written. Unknown fields are ignored
 * when reading, so that a file written by a newer pgdesk with extra fields still loads.
 */
final class ProfileJson {
    /** The format this version writes; files with a higher number are not read. */
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProfileJson() {}

    /** A profile entry that cannot be read; the message names the field and what is wrong with it. */
    static final class BadProfileException extends Exception {
        BadProfileException(String message) {
            super(message);
        }
    }

    static ObjectNode toJson(List<ConnectionProfile> profiles) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = root.putArray("profiles");
        for (ConnectionProfile profile : profiles) {
            array.add(toJson(profile));
        }
        return root;
    }

    private static ObjectNode toJson(ConnectionProfile profile) {
        ObjectNode node = NODES.objectNode();
        node.put("id", profile.id());
        node.put("name", profile.name());
        node.put("host", profile.host());
        node.put("port", profile.port());
        node.put("database", profile.database());
        node.put("user", profile.user());
        node.put("sslMode", profile.sslMode().libpqName());
        node.put("sslRootCert", pathText(profile.sslRootCert()));
        node.put("sslCert", pathText(profile.sslCert()));
        node.put("sslKey", pathText(profile.sslKey()));
        node.put("connectTimeoutSeconds", profile.connectTimeoutSeconds());
        node.put("applicationName", profile.applicationName());
        node.put("readOnly", profile.readOnly());
        node.put("passwordStorage", profile.passwordStorage().name().toLowerCase(Locale.ROOT));
        if (!profile.options().isEmpty()) {
            node.put("options", profile.options());
        }
        return node;
    }

    private static String pathText(Path path) {
        return path == null ? null : path.toString();
    }

    /** A profile from its JSON object; missing optional fields take the builder's defaults. */
    static ConnectionProfile fromJson(JsonNode node) throws BadProfileException {
        if (!node.isObject()) {
            throw new BadProfileException("the entry is not a JSON object");
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new BadProfileException("it has no id");
        }
        ConnectionProfile.Builder builder = ConnectionProfile.builder().id(id);
        builder.name(textOr(node, "name", ""));
        builder.host(textOr(node, "host", "localhost"));
        builder.port(intOr(node, "port", ConnectionProfile.DEFAULT_PORT));
        builder.database(textOr(node, "database", ""));
        builder.user(textOr(node, "user", ""));
        String sslMode = text(node, "sslMode");
        if (sslMode != null) {
            builder.sslMode(SslMode.fromLibpqName(sslMode)
                    .orElseThrow(() -> new BadProfileException("sslMode \"" + sslMode + "\" is not an SSL mode")));
        }
        builder.sslRootCert(path(node, "sslRootCert"));
        builder.sslCert(path(node, "sslCert"));
        builder.sslKey(path(node, "sslKey"));
        builder.connectTimeoutSeconds(
                intOr(node, "connectTimeoutSeconds", ConnectionProfile.DEFAULT_CONNECT_TIMEOUT_SECONDS));
        builder.applicationName(textOr(node, "applicationName", ConnectionProfile.DEFAULT_APPLICATION_NAME));
        builder.options(textOr(node, "options", ""));
        JsonNode readOnly = node.get("readOnly");
        if (readOnly != null && !readOnly.isNull()) {
            if (!readOnly.isBoolean()) {
                throw new BadProfileException("readOnly must be true or false");
            }
            builder.readOnly(readOnly.booleanValue());
        }
        String storage = text(node, "passwordStorage");
        if (storage != null) {
            builder.passwordStorage(passwordStorage(storage));
        }
        return builder.build();
    }

    private static PasswordStorage passwordStorage(String text) throws BadProfileException {
        for (PasswordStorage storage : PasswordStorage.values()) {
            if (storage.name().equalsIgnoreCase(text.trim())) {
                return storage;
            }
        }
        throw new BadProfileException(
                "passwordStorage \"" + text + "\" is not one of keyring, ask_every_time," + " pgpass_file");
    }

    /** The text of a field, null when missing or JSON null. */
    private static String text(JsonNode node, String field) throws BadProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadProfileException(field + " must be text");
        }
        return value.textValue();
    }

    private static String textOr(JsonNode node, String field, String fallback) throws BadProfileException {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    private static int intOr(JsonNode node, String field, int fallback) throws BadProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw new BadProfileException(field + " must be a whole number");
        }
        return value.intValue();
    }

    private static Path path(JsonNode node, String field) throws BadProfileException {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadProfileException(field + " \"" + value + "\" is not a valid file path");
        }
    }
}
