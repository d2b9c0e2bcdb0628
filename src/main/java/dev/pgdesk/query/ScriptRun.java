package dev.pgdesk.query;

import java.util.List;

/**
 * What a run of a {@link ScriptPlan} did: the outcome of each statement that ran, in order, and how many
 * were not run because an earlier one failed or the run was cancelled.
 */
public record ScriptRun(List<StatementOutcome> outcomes, int notRun) {

    public ScriptRun {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether a statement failed (which stops the run). */
    public boolean failed() {
        return !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).result() instanceof ServerError;
    }
}
