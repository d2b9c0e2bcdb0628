package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.SettingSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows resolved connection settings with the source of each, as a table or as JSON. The password itself
 * is never shown: only whether one was found and where.
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
            out.println("Ignored:");
            settings.notes().forEach(note -> out.println("  " + note));
        }
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
        ArrayNode ignored = root.putArray("ignored");
        settings.notes().forEach(ignored::add);
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
