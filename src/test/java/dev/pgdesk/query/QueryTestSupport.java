package dev.pgdesk.query;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Opens query sessions for alice on the shared test server; her own schema is first on her search path. */
final class QueryTestSupport implements AutoCloseable {
    static final TestServer SERVER = TestServer.shared();

    private final PoolManager pools = new PoolManager();

    QueryTestSupport() throws SQLException {
        superuser("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
    }

    QuerySession session(String applicationName) throws SQLException {
        return session(applicationName, false);
    }

    QuerySession session(String applicationName, boolean readOnly) throws SQLException {
        return session(applicationName, readOnly, QuerySession.DEFAULT_ROW_CAP);
    }

    QuerySession session(String applicationName, boolean readOnly, int rowCap) throws SQLException {
        ConnectionProfile profile = SERVER.profile("alice")
                .name(applicationName)
                .applicationName(applicationName)
                .readOnly(readOnly)
                .build();
        return new QuerySession(pools.open(profile, SERVER.password("alice")), rowCap);
    }

    /** Runs setup statements as alice, outside any session under test. */
    static void alice(String... sql) throws SQLException {
        run("alice", sql);
    }

    static void superuser(String... sql) throws SQLException {
        run("postgres", sql);
    }

    private static void run(String user, String... sql) throws SQLException {
        try (Connection connection = SERVER.connect(user);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    static StatementResult run(QuerySession session, String sql) {
        return session.execute(
                BoundStatement.of(sql), QuerySession.DEFAULT_TIMEOUT, new CancellationToken(), ExecutionListener.NONE);
    }

    static StatementResult run(QuerySession session, String jdbcSql, ParameterValue... values) {
        return session.execute(
                new BoundStatement(jdbcSql, jdbcSql, List.of(values)),
                QuerySession.DEFAULT_TIMEOUT,
                new CancellationToken(),
                ExecutionListener.NONE);
    }

    static StatementResult run(QuerySession session, String sql, Duration timeout) {
        return session.execute(BoundStatement.of(sql), timeout, new CancellationToken(), ExecutionListener.NONE);
    }

    /** The single value of a one-row, one-column result. */
    static Object single(StatementResult result) {
        if (!(result instanceof RowsResult rows)) {
            throw new AssertionError("expected rows but got " + result);
        }
        if (rows.rows().size() != 1) {
            throw new AssertionError("expected one row but got " + rows.rows().size());
        }
        return rows.rows().get(0)[0];
    }

    @Override
    public void close() {
        pools.close();
    }
}
