package dev.pgdesk.ui.history;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryParameter;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the history's cells put an entry into words. */
final class HistoryFormat {
    private static final int PREVIEW_LENGTH = 200;
    private static final int TOOLTIP_LENGTH = 2000;

    private HistoryFormat() {}

    static String when(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(zone));
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    static String rows(Long rows, Locale locale) {
        return rows == null ? "" : NumberFormat.getIntegerInstance(locale).format(rows);
    }

    /**
     * The statement on one line, as a list of statements reads best: leading {@code --} comment lines left
     * out, line breaks and indentation collapsed, long ones cut with an ellipsis.
     */
    static String preview(String statement) {
        String[] lines = statement.strip().split("\\R");
        int first = 0;
        while (first < lines.length - 1 && lines[first].strip().startsWith("--")) {
            first++;
        }
        String text = String.join(" ", java.util.Arrays.copyOfRange(lines, first, lines.length))
                .strip()
                .replaceAll("\\s+", " ");
        return text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH) + " …" : text;
    }

    /** The whole statement (long ones cut) and the parameter values it ran with. */
    static String tooltip(HistoryEntry entry) {
        String text = entry.statement().strip();
        if (text.length() > TOOLTIP_LENGTH) {
            text = text.substring(0, TOOLTIP_LENGTH) + "\n…";
        }
        if (entry.parameters().isEmpty()) {
            return text;
        }
        return text + "\n\n"
                + entry.parameters().stream().map(HistoryFormat::parameter).collect(Collectors.joining("\n"));
    }

    private static String parameter(HistoryParameter parameter) {
        String value = parameter.value() == null ? "NULL" : "'" + parameter.value() + "'";
        return parameter.label() + " = " + value + (parameter.type() == null ? "" : " (" + parameter.type() + ")");
    }

    static String outcome(HistoryEntry entry) {
        String mark = switch (entry.outcome()) {
            case SUCCESS -> "✓";
            case ERROR -> "✗";
            case CANCELLED -> "⊘";
        };
        String message = entry.message().isBlank()
                ? switch (entry.outcome()) {
                    case SUCCESS -> "done";
                    case ERROR -> "failed";
                    case CANCELLED -> "cancelled";
                }
                : entry.message().strip().lines().findFirst().orElse("");
        return mark + " " + message;
    }
}
