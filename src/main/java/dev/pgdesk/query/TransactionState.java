package dev.pgdesk.query;

/** Where a tab's connection stands with respect to an explicit transaction. */
public enum TransactionState {
    /** No transaction open: every statement commits on its own. */
    IDLE,
    /** A transaction is open; its changes are visible only here until commit. */
    IN_TRANSACTION,
    /** The open transaction failed: the server ignores every statement until a rollback. */
    FAILED
}
