package dev.pgdesk.query;

import dev.pgdesk.sql.ScriptStatement;

/** Hears about each statement of a run as it starts and ends; called on the executing thread. */
public interface ScriptListener {
    /** Does nothing. */
    ScriptListener NONE = new ScriptListener() {};

    default void started(int index, ScriptStatement statement) {}

    default void finished(StatementOutcome outcome) {}
}
