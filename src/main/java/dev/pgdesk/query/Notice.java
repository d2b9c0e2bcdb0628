package dev.pgdesk.query;

import java.util.Objects;

/** A message the server sent beside a result, such as {@code RAISE NOTICE} output; severity like NOTICE or WARNING. */
public record Notice(String severity, String message) {
    public Notice {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
