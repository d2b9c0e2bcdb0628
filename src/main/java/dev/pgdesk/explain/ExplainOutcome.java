package dev.pgdesk.explain;

import java.util.Optional;

/** What {@link ExplainRunner#explain} produced: a plan, or the server's error. */
public sealed interface ExplainOutcome permits ExplainedPlan, ExplainFailure {

    /**
     * When EXPLAIN ANALYZE ran a data-modifying statement, the sentence that tells the user its changes
     * were rolled back, e.g. {@code EXPLAIN ANALYZE ran the UPDATE inside a transaction that was rolled
     * back; nothing was changed.}
     */
    Optional<String> rollbackMessage();

    /** The sentence for a rolled-back {@code command}. */
    static String rollbackMessage(String command) {
        return "EXPLAIN ANALYZE ran the " + command
                + " inside a transaction that was rolled back; nothing was changed.";
    }
}
