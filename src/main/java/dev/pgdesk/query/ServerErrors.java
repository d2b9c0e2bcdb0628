package dev.pgdesk.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Maps a driver exception to a {@link ServerError} with everything the server said. */
final class ServerErrors {
    private ServerErrors() {}

    static ServerError from(SQLException e, List<Notice> notices, Duration duration) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            String state = Objects.requireNonNullElse(e.getSQLState(), "");
            return new ServerError(state, String.valueOf(e.getMessage()), null, null, 0, notices, duration);
        }
        return new ServerError(
                Objects.requireNonNullElse(server.getSQLState(), ""),
                String.valueOf(server.getMessage()),
                server.getDetail(),
                server.getHint(),
                server.getPosition(),
                notices,
                duration);
    }

    /**
     * A 57014 in plain words: who canceled it, and after how long for a timeout.
     *
     * @param timeout the timeout the statement ran under, zero when pgdesk set none (the session's own
     *     {@code statement_timeout}, unknown here, may still have canceled it)
     */
    static ServerError canceled(ServerError error, boolean byUser, Duration timeout) {
        String message;
        if (byUser) {
            message = "canceled by the user";
        } else if (timeout.isZero()) {
            message = "canceled by the server: the statement ran longer than the session's statement_timeout";
        } else {
            message = "canceled after " + seconds(timeout) + " s (statement timeout)";
        }
        String detail = error.detail() == null ? error.message() : error.message() + "\n" + error.detail();
        return new ServerError(
                ServerError.QUERY_CANCELED,
                message,
                detail,
                error.hint(),
                error.position(),
                error.notices(),
                error.duration());
    }

    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
