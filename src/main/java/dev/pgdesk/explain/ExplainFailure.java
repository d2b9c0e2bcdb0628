package dev.pgdesk.explain;

import dev.pgdesk.query.ServerError;
import java.util.Objects;
import java.util.Optional;

/**
 * EXPLAIN failed: a server error (syntax, permissions, a timeout, a cancel) with its position pointing into
 * the statement as the user wrote it, not into the EXPLAIN pgdesk sent.
 *
 * @param error what the server said
 * @param rolledBack whether a transaction or savepoint pgdesk opened for it was rolled back
 * @param modifyingCommand the data-modifying command, {@code null} for a statement that only reads
 */
public record ExplainFailure(ServerError error, boolean rolledBack, String modifyingCommand) implements ExplainOutcome {
    public ExplainFailure {
        Objects.requireNonNull(error, "error");
    }

    @Override
    public Optional<String> rollbackMessage() {
        return rolledBack && modifyingCommand != null
                ? Optional.of(ExplainOutcome.rollbackMessage(modifyingCommand))
                : Optional.empty();
    }
}
