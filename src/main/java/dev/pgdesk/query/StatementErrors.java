package dev.pgdesk.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Turns a driver exception from a {@link RowCursor} into the {@link ServerError} that {@link
 * QuerySession#execute} would have returned for the same failure, so callers report both alike (the error
 * position points into the statement as the user wrote it, also for a cursor inside a transaction).
 */
public final class StatementErrors {
    private StatementErrors() {}

    /**
     * @param cancelledByUser whether the user asked for the cancel (a 57014 otherwise means the timeout)
     * @param timeout the statement's timeout, for the message
     */
    public static ServerError from(SQLException e, boolean cancelledByUser, Duration timeout) {
        return from(e, cancelledByUser, timeout, null);
    }

    /**
     * Like {@link #from(SQLException, boolean, Duration)}, naming the parameter of {@code bound} whose value
     * the server refused, if it was one.
     */
    public static ServerError from(SQLException e, boolean cancelledByUser, Duration timeout, BoundStatement bound) {
        ServerError error;
        if (e instanceof SessionLostException lost) {
            return lost.error();
        }
        if (e instanceof RowCursor.ShiftedPositionException shifted) {
            ServerError raw = ServerErrors.from(shifted.original(), List.of(), Duration.ZERO);
            int position = raw.position() > shifted.shift() ? raw.position() - shifted.shift() : 0;
            error = new ServerError(
                    raw.sqlState(), raw.message(), raw.detail(), raw.hint(), position, raw.notices(), raw.duration());
        } else {
            error = ServerErrors.from(e, List.of(), Duration.ZERO);
        }
        if (bound != null) {
            SQLException cause = e instanceof RowCursor.ShiftedPositionException shifted ? shifted.original() : e;
            error = ParameterRefusal.naming(error, cause, bound);
        }
        return ServerError.QUERY_CANCELED.equals(error.sqlState())
                ? ServerErrors.canceled(error, cancelledByUser, timeout)
                : error;
    }
}
