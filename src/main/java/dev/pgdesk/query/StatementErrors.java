package dev.pgdesk.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Turns a driver exception from a {@link RowCursor} into the {@link ServerError} that {@link
 * QuerySession#execute} would have returned for the same failure, so callers report both alike.
 */
public final class StatementErrors {
    private StatementErrors() {}

    /**
     * @param cancelledByUser whether the user asked for the cancel (a 57014 otherwise means the timeout)
     * @param timeout the statement's timeout, for the message
     */
    public static ServerError from(SQLException e, boolean cancelledByUser, Duration timeout) {
        ServerError error = ServerErrors.from(e, List.of(), Duration.ZERO);
        return ServerError.QUERY_CANCELED.equals(error.sqlState())
                ? ServerErrors.canceled(error, cancelledByUser, timeout)
                : error;
    }
}
