package dev.pgdesk.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Puts pgdesk's per-statement timeout on one session's connection without overriding the session's own
 * {@code statement_timeout}: from the connection options ({@code -c statement_timeout=…}), the role or
 * database settings, or a {@code SET} the user's script ran.
 *
 * <ul>
 *   <li>With no timeout (zero), {@code statement_timeout} is left alone entirely: nothing is set or reset.
 *   <li>With one, a statement runs under the shorter of it and the session's own value (0 meaning none), so
 *       pgdesk never lengthens what the session set. When that is already the session's value nothing is
 *       sent.
 *   <li>Outside a transaction the value is set before the statement and the session's own put back right
 *       after ({@code RESET} when the session never set it, so its source stays as it was). Inside one it is
 *       set with {@code SET LOCAL} once, and ends with the transaction, so an idle-in-transaction session
 *       shows the user's statement in {@code pg_stat_activity}, not pgdesk's.
 *   <li>A statement that itself touches {@code statement_timeout} (it names it, or runs {@code RESET ALL} or
 *       {@code DISCARD ALL}) runs with nothing of pgdesk's around it; the session's value is read again
 *       after it, and after every transaction end, which can undo a {@code SET}.
 * </ul>
 *
 * <p>So after a script the session's {@code statement_timeout} is what the script left. One instance per
 * connection; its statements carry a {@code /* pgdesk *}{@code /} comment so logs tell them apart.
 */
final class SessionTimeout {
    static final String MARK = "/* pgdesk */ ";

    /** The session's own value in milliseconds (0: none), or -1 when it must be read again. */
    private long sessionMillis = -1;
    /** Whether the session's own value came from a SET in this session (else RESET restores it exactly). */
    private boolean sessionSetBySession;
    /** pgdesk's value in effect through SET LOCAL in the open transaction, or -1. */
    private long localMillis = -1;
    /** pgdesk's value set for the running statement outside a transaction, to put back after it; or -1. */
    private long statementMillis = -1;

    /**
     * Sets the timeout for the next statement, if one is needed; returns the timeout the statement runs
     * under ({@link Duration#ZERO} when none is known to pgdesk), for the client's backstop and messages.
     *
     * @param inTransaction whether the statement runs inside a transaction (the user's, or a cursor's)
     */
    Duration before(Connection connection, Duration timeout, String statement, boolean inTransaction, boolean failed)
            throws SQLException {
        statementMillis = -1;
        if (timeout.isZero() || failed || touchesTimeout(statement) || isTransactionControl(statement)) {
            return timeout.isZero() || sessionMillis < 0 ? Duration.ZERO : Duration.ofMillis(effective(timeout));
        }
        readSessionValueIfUnknown(connection);
        long wanted = effective(timeout);
        long inEffect = localMillis >= 0 ? localMillis : sessionMillis;
        if (wanted != inEffect) {
            if (inTransaction) {
                run(connection, "SET LOCAL statement_timeout = " + wanted);
                localMillis = wanted;
            } else {
                run(connection, "SET statement_timeout = " + wanted);
                statementMillis = wanted;
            }
        }
        return Duration.ofMillis(wanted);
    }

    /**
     * Puts the session's own value back after a statement outside a transaction and notes what the statement
     * changed.
     *
     * @param transactionEnded the statement ended a transaction (its {@code SET LOCAL} values are gone and a
     *     rollback may have undone a {@code SET})
     */
    void after(Connection connection, String statement, boolean transactionEnded, boolean failed) {
        try {
            if (statementMillis >= 0 && !connection.isClosed() && !failed) {
                run(
                        connection,
                        sessionSetBySession ? "SET statement_timeout = " + sessionMillis : "RESET statement_timeout");
            }
        } catch (SQLException e) {
            // The connection is gone or the server refused; either way the next statement reads the value anew.
            sessionMillis = -1;
        }
        statementMillis = -1;
        if (transactionEnded) {
            localMillis = -1;
            sessionMillis = -1;
        }
        if (touchesTimeout(statement)) {
            // The user's own SET or RESET replaced anything of pgdesk's.
            localMillis = -1;
            sessionMillis = -1;
        }
    }

    /** The transaction ended outside a statement (a cursor's read transaction committed). */
    void transactionEnded() {
        localMillis = -1;
    }

    private long effective(Duration timeout) {
        long wanted = Math.max(1, timeout.toMillis());
        return sessionMillis > 0 ? Math.min(wanted, sessionMillis) : wanted;
    }

    private void readSessionValueIfUnknown(Connection connection) throws SQLException {
        if (sessionMillis >= 0) {
            return;
        }
        try (Statement read = connection.createStatement();
                ResultSet row = read.executeQuery(MARK + "SELECT setting::bigint, source = 'session'"
                        + " FROM pg_settings WHERE name = 'statement_timeout'")) {
            row.next();
            sessionMillis = row.getLong(1);
            sessionSetBySession = row.getBoolean(2);
        }
    }

    /** Whether the statement may set or reset {@code statement_timeout} itself. */
    static boolean touchesTimeout(String statement) {
        String lower = statement.toLowerCase(Locale.ROOT);
        if (lower.contains("statement_timeout")) {
            return true;
        }
        List<String> words = LeadingWords.of(statement, 2);
        return words.size() == 2
                && (words.get(0).equals("RESET") || words.get(0).equals("DISCARD"))
                && words.get(1).equals("ALL");
    }

    /**
     * Transaction control runs at once and must not get a session-level SET in front of it: after a BEGIN
     * the value put back would belong to the new transaction and a later ROLLBACK would undo it.
     */
    private static boolean isTransactionControl(String statement) {
        List<String> words = LeadingWords.of(statement, 2);
        if (words.isEmpty()) {
            return false;
        }
        return switch (words.get(0)) {
            case "BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
            case "START", "PREPARE" -> words.size() > 1 && words.get(1).equals("TRANSACTION");
            default -> false;
        };
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(MARK + sql);
        }
    }
}
