package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.ProfileField;
import dev.pgdesk.connect.ProfileValidator;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.SettingSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Shows resolved connection settings with the source of each, as a table or as JSON. The password itself
 * is never shown: only whether one was found and where. Problems that would stop the connection (a
 * missing certificate file, verify-full without a root certificate, ...) are listed too.
 */
final class ResolvedSettingsView {
    private static final String NOT_SET = "(not set)";

    private ResolvedSettingsView() {}

    static void printTable(ResolvedSettings settings, PrintStream out) {
        TablePrinter table = new TablePrinter("setting", "value", "source");
        ConnectionProfile profile = settings.profile();
        for (String keyword : ResolvedSettings.KEYWORDS) {
            if (keyword.equals("password")) {
                continue;
            }
            Object value = value(profile, keyword);
            table.row(keyword, value == null ? NOT_SET : value.toString(), sourceName(settings.source(keyword)));
        }
        table.row(
                "password",
                settings.password().isPresent() ? "found" : "not found",
                sourceName(settings.source("password")));
        table.print(out);
        if (!settings.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            settings.notes().forEach(note -> out.println("  " + note));
        }
        List<FieldError> problems = problems(settings);
        if (!problems.isEmpty()) {
            out.println();
            out.println("Problems:");
            problems.forEach(p -> out.println("  " + keyword(p.field()) + ": " + p.message()));
        }
    }

    /** What is wrong with the settings, by the rules a profile is saved with (its name aside). */
    static List<FieldError> problems(ResolvedSettings settings) {
        return ProfileValidator.validate(settings.profile(), List.of()).stream()
                .filter(error -> error.field() != ProfileField.NAME)
                .toList();
    }

    /** The libpq keyword of a profile field, as the rest of the output names settings. */
    static String keyword(ProfileField field) {
        return switch (field) {
            case NAME -> "name";
            case HOST -> "host";
            case PORT -> "port";
            case DATABASE -> "dbname";
            case USER -> "user";
            case SSL_MODE -> "sslmode";
            case SSL_ROOT_CERT -> "sslrootcert";
            case SSL_CERT -> "sslcert";
            case SSL_KEY -> "sslkey";
            case CONNECT_TIMEOUT -> "connect_timeout";
            case APPLICATION_NAME -> "application_name";
        };
    }

    static ObjectNode toJson(ResolvedSettings settings) {
        ObjectNode root = JsonOutput.object();
        ConnectionProfile profile = settings.profile();
        for (String keyword : ResolvedSettings.KEYWORDS) {
            if (keyword.equals("password")) {
                continue;
            }
            ObjectNode entry = root.putObject(keyword);
            Object value = value(profile, keyword);
            if (value instanceof Integer number) {
                entry.put("value", number);
            } else {
                entry.put("value", value == null ? null : value.toString());
            }
            entry.put("source", sourceName(settings.source(keyword)));
        }
        ObjectNode password = root.putObject("password");
        password.put("found", settings.password().isPresent());
        password.put("source", sourceName(settings.source("password")));
        ArrayNode notes = root.putArray("notes");
        settings.notes().forEach(notes::add);
        ArrayNode problems = root.putArray("problems");
        for (FieldError error : problems(settings)) {
            ObjectNode problem = problems.addObject();
            problem.put("setting", keyword(error.field()));
            problem.put("message", error.message());
        }
        return root;
    }

    /** The profile's value for a libpq keyword: Integer for numbers, null when not set. */
    private static Object value(ConnectionProfile profile, String keyword) {
        return switch (keyword) {
            case "host" -> profile.host();
            case "port" -> profile.port();
            case "dbname" -> profile.database();
            case "user" -> profile.user();
            case "sslmode" -> profile.sslMode().libpqName();
            case "sslrootcert" -> pathText(profile.sslRootCert());
            case "sslcert" -> pathText(profile.sslCert());
            case "sslkey" -> pathText(profile.sslKey());
            case "connect_timeout" -> profile.connectTimeoutSeconds();
            case "application_name" -> profile.applicationName();
            case "options" -> profile.options().isEmpty() ? null : profile.options();
            default -> throw new IllegalArgumentException("not a profile setting: " + keyword);
        };
    }

    private static String pathText(Path path) {
        return path == null ? null : path.toString();
    }

    static String sourceName(SettingSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
