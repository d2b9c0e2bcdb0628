package dev.pgdesk.pool;

/**
 * Something the user should know about their connection.
 *
 * @param message for example {@code Connection lost, reconnected.}
 * @param transactionLost true when an open transaction was rolled back by the loss
 */
public record ConnectionEvent(String message, boolean transactionLost) {}
