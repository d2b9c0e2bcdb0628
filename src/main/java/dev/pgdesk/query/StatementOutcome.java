package dev.pgdesk.query;

import dev.pgdesk.sql.ScriptStatement;

/**
 * One statement of a run and what became of it.
 *
 * @param index the statement's position in the run, from 0
 * @param bound what was sent: the rewritten SQL and the bound values
 */
public record StatementOutcome(int index, ScriptStatement statement, BoundStatement bound, StatementResult result) {

    /** Where the server's error position points in the script, when the result is an error with one. */
    public java.util.OptionalInt errorOffset() {
        if (result instanceof ServerError error && error.position() > 0) {
            return java.util.OptionalInt.of(statement.scriptOffsetOf(error.position()));
        }
        return java.util.OptionalInt.empty();
    }
}
