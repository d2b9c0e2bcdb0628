package dev.pgdesk.query;

/** How a commit, rollback or close left the transaction, so the user can be told exactly. */
public enum TransactionEnd {
    COMMITTED,
    /** Rolled back: asked for, or a commit of a failed transaction, or a close with a transaction open. */
    ROLLED_BACK,
    /** There was no open transaction. */
    NOTHING_OPEN
}
