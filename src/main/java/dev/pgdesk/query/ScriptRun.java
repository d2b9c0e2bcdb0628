package dev.pgdesk.query;

import java.util.List;

/**
 * What a run of a {@link ScriptPlan} did: the outcome of each statement that ran, in order, how many were not
 * run, and why the run stopped before its end, if it did.
 *
 * @param notRun statements after the last outcome that were not sent
 * @param stop why the run stopped: at an error, a cancel or a lost connection (also when that was the last
 *     statement); {@link Stop#NONE} when it went through (some statements may have failed when the run
 *     continued after errors)
 */
public record ScriptRun(List<StatementOutcome> outcomes, int notRun, Stop stop) {

    /** Why a run ended before its last statement. */
    public enum Stop {
        /** It did not: every statement was sent. */
        NONE,
        /** A statement failed and the run stops at errors (the default, as psql's ON_ERROR_STOP). */
        ERROR,
        /** The user canceled it. */
        CANCEL,
        /** The session's connection was lost: nothing more is sent, in any mode. */
        CONNECTION_LOST
    }

    public ScriptRun {
        outcomes = List.copyOf(outcomes);
    }

    /** A run that stopped at its last outcome if that failed, or was canceled if statements were left. */
    public ScriptRun(List<StatementOutcome> outcomes, int notRun) {
        this(outcomes, notRun, stopOf(outcomes, notRun));
    }

    private static Stop stopOf(List<StatementOutcome> outcomes, int notRun) {
        if (!outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).result() instanceof ServerError error) {
            return QuerySession.isConnectionLost(error) ? Stop.CONNECTION_LOST : Stop.ERROR;
        }
        return notRun == 0 ? Stop.NONE : Stop.CANCEL;
    }

    /** Whether any statement failed. */
    public boolean failed() {
        return outcomes.stream().anyMatch(outcome -> outcome.result() instanceof ServerError);
    }

    /** The statements that failed, in order. */
    public List<StatementOutcome> failures() {
        return outcomes.stream()
                .filter(outcome -> outcome.result() instanceof ServerError)
                .toList();
    }

    /** Whether the run ended because the session's connection was lost. */
    public boolean connectionLost() {
        return stop == Stop.CONNECTION_LOST;
    }
}
