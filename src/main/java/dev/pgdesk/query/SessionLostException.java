package dev.pgdesk.query;

import java.sql.SQLException;

/**
 * The session's connection was lost while a cursor opened: carries the error the session reports for it
 * (what went with the session, and that the next run starts a new one), so a reader reports it as {@link
 * QuerySession#execute} would.
 */
public final class SessionLostException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final transient ServerError error;

    SessionLostException(ServerError error, Throwable cause) {
        super(error.message(), error.sqlState().isEmpty() ? "08006" : error.sqlState(), cause);
        this.error = error;
    }

    /** The session's report of the loss. */
    public ServerError error() {
        return error;
    }
}
