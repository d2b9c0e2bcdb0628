package dev.pgdesk.query;

import java.time.Duration;
import java.util.List;

/**
 * A failed statement: SQLSTATE, message, and the server's detail and hint when it sent them; {@code
 * position} is the 1-based character offset of the error inside the statement text, 0 when unknown.
 */
public record ServerError(
        String sqlState,
        String message,
        String detail,
        String hint,
        int position,
        List<Notice> notices,
        Duration duration)
        implements StatementResult {
    /** SQLSTATE of a statement canceled by a timeout or by the user. */
    public static final String QUERY_CANCELED = "57014";
    /** SQLSTATE of a statement sent to a failed transaction. */
    public static final String IN_FAILED_TRANSACTION = "25P02";

    public ServerError {
        notices = List.copyOf(notices);
    }
}
