package dev.pgdesk.connect.check;

import java.util.List;
import java.util.Optional;

/** The outcome of a connection test: every step taken, and the failure explained if there was one. */
public record ConnectionReport(List<CheckStep> steps, Optional<Failure> failure) {

    public ConnectionReport {
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
