package dev.pgdesk.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One executed statement, as the history keeps it.
 *
 * @param executedAt when it started
 * @param profileId the connection profile's id, or null for a connection that is not a saved profile
 * @param profileName the connection's name as the user saw it
 * @param statement the statement text as sent (before parameter rewriting)
 * @param parameters the parameter values, in the order the statement names them
 * @param durationMillis how long it ran
 * @param rows rows returned or affected, or null when there is no count (an error, DDL)
 * @param outcome how it ended
 * @param message a one-line summary such as {@code 42 rows}, {@code UPDATE 3} or {@code ERROR 42P01: ...}
 */
public record HistoryEntry(
        Instant executedAt,
        String profileId,
        String profileName,
        String statement,
        List<HistoryParameter> parameters,
        long durationMillis,
        Long rows,
        Outcome outcome,
        String message) {

    public HistoryEntry {
        Objects.requireNonNull(executedAt, "A history entry needs the time it ran");
        Objects.requireNonNull(profileName, "A history entry needs the connection's name (it may be empty)");
        Objects.requireNonNull(statement, "A history entry needs its statement");
        if (statement.isBlank()) {
            throw new IllegalArgumentException("A history entry's statement must not be blank");
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        if (durationMillis < 0) {
            throw new IllegalArgumentException("A duration cannot be negative: " + durationMillis + " ms");
        }
        if (rows != null && rows < 0) {
            throw new IllegalArgumentException("A row count cannot be negative: " + rows);
        }
        Objects.requireNonNull(outcome, "A history entry needs its outcome");
        message = message == null ? "" : message;
    }
}
