package dev.pgdesk.query;

import java.time.Duration;
import java.util.List;

/** A statement without rows: its command (e.g. {@code INSERT}, {@code CREATE TABLE}) and rows affected. */
public record UpdateResult(String command, long rowsAffected, List<Notice> notices, Duration duration)
        implements StatementResult {
    public UpdateResult {
        notices = List.copyOf(notices);
    }
}
