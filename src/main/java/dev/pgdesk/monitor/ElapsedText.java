package dev.pgdesk.monitor;

import java.time.Duration;
import java.util.Locale;

/**
 * Ages and durations as the Monitor tab and {@code pgdesk activity} show them, compact enough for a table
 * column: "850 ms", "12 s", "4:05" (minutes and seconds), "1:02:05" (hours, minutes, seconds).
 */
public final class ElapsedText {

    private ElapsedText() {}

    /** {@code duration} as text; "" for null. Negative durations (clock skew) read as "0 ms". */
    public static String of(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours == 0
                ? String.format(Locale.ROOT, "%d:%02d", minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest);
    }
}
