package dev.pgdesk.monitor;

import java.time.Duration;
import java.util.Locale;

/**
 * Ages and durations as a DBA reads them at a glance: "0.4 s", "12.3 s", "4 min 05 s", "2 h 03 min",
 * "3 d 04 h". The two largest units are enough to tell a stuck session from a busy one.
 */
public final class ElapsedText {

    private ElapsedText() {}

    /** {@code duration} in words; "" for null. Negative durations (clock skew) read as "0.0 s". */
    public static String of(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
