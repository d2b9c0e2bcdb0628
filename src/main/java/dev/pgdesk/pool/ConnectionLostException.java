package dev.pgdesk.pool;

import java.sql.SQLException;

/**
 * The connection died while a transaction was open: the transaction is gone (the server rolled it back)
 * and the session has already dropped the dead connection, so the next statement runs on a fresh one.
 */
public final class ConnectionLostException extends SQLException {
    public ConnectionLostException(String message, SQLException cause) {
        super(message, "08006", cause);
    }
}
