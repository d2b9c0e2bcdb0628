package dev.pgdesk.export;

import java.time.Duration;

/**
 * How far an export has come: rows read from the server and bytes written so far, and the time since it
 * started. Also the summary of a finished export.
 */
public record ExportProgress(long rows, long bytes, Duration elapsed) {
    /** Rows per second so far; 0 before any time has passed. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /** Bytes per second so far; 0 before any time has passed. */
    public double bytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / seconds;
    }
}
