package dev.pgdesk.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the monitor writes durations, times, ratios and query texts for people. */
final class MonitorText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Confirmations quote a query only this far; the full text is in the pane. */
    static final int QUOTED_QUERY_LENGTH = 200;

    private MonitorText() {}

    /** The local time of day, "14:03:27"; empty for null. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** "99.2 %"; empty for null. */
    static String ratio(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** Milliseconds with grouping, "1,234.5 ms". */
    static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.1f ms", millis);
    }

    /** Seconds with one decimal, "3.2 s". */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A query on one line, cut to {@code max} characters with an ellipsis. */
    static String shortened(String query, int max) {
        if (query == null || query.isBlank()) {
            return "(no query)";
        }
        String text = query.strip();
        return text.length() <= max ? text : text.substring(0, max).stripTrailing() + "…";
    }

    /** The one-line start of a query for a table cell. */
    static String oneLine(String query) {
        return query == null ? "" : query.strip().replaceAll("\\s+", " ");
    }

    /** An exception's message in plain words, never a stack trace. */
    static String describe(Throwable error) {
        Throwable shown = error;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? "An unexpected problem occurred." : message.strip();
    }
}
