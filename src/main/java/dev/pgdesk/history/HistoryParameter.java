package dev.pgdesk.history;

import java.util.Objects;

/**
 * A parameter value a statement ran with.
 *
 * @param label how the statement names it: {@code $1} or {@code :name}
 * @param type the type it was sent as (such as {@code integer}), or null when the server inferred it
 * @param value the value as the user typed it; null for SQL NULL
 */
public record HistoryParameter(String label, String type, String value) {
    public HistoryParameter {
        Objects.requireNonNull(label, "A parameter needs its label, such as $1 or :name");
        if (label.isBlank()) {
            throw new IllegalArgumentException("A parameter label must not be blank; use $1 or :name");
        }
        if (type != null && type.isBlank()) {
            type = null;
        }
    }
}
