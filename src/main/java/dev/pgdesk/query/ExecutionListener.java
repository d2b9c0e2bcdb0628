package dev.pgdesk.query;

/** Hears about a running statement, e.g. to show elapsed time; called on the executing thread. */
public interface ExecutionListener {
    /** Does nothing. */
    ExecutionListener NONE = new ExecutionListener() {};

    /** The statement was sent to the server. */
    default void started(BoundStatement statement) {}

    /** The statement finished, in any way. */
    default void finished(BoundStatement statement, StatementResult result) {}
}
