package dev.pgdesk.ui.query;

import java.time.LocalTime;

/** One line of a query tab's Messages: a statement's summary, a notice from the server, or an error. */
public record MessageLine(LocalTime time, Kind kind, String text) {
    /** What a line is, for its style. */
    public enum Kind {
        INFO,
        NOTICE,
        ERROR
    }
}
