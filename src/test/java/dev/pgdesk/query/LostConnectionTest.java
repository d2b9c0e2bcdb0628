package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.run;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A user statement whose connection dies is reported, never silently run again on a new connection. */
@Tag("server")
class LostConnectionTest {
    private static final String APPLICATION = "pgdesk-query-lost";

    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session(APPLICATION);
        alice("DROP TABLE IF EXISTS lost_rows", "CREATE TABLE lost_rows (n int)");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void anAutoCommitStatementOnADyingConnectionIsReportedAndNotRetried() throws Exception {
        CompletableFuture<StatementResult> running = runInBackground("INSERT INTO lost_rows SELECT 1 FROM pg_sleep(2)");
        terminateWhenActive();

        StatementResult result = running.get(10, TimeUnit.SECONDS);
        Thread.sleep(2500);

        assertThat(result).isInstanceOf(ServerError.class);
        assertThat(single(run(session, "SELECT count(*) FROM lost_rows"))).isEqualTo("0");
    }

    @Test
    void losingThePinnedConnectionEndsTheTransactionAndSaysItsChangesAreGone() throws Exception {
        run(session, "BEGIN");
        run(session, "INSERT INTO lost_rows VALUES (1)");
        CompletableFuture<StatementResult> running = runInBackground("SELECT 1 FROM pg_sleep(2)");
        terminateWhenActive();

        StatementResult result = running.get(10, TimeUnit.SECONDS);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ServerError.class,
                        e -> assertThat(e.message()).contains("the open transaction was rolled back by the server"));
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).isFalse();
        assertThat(single(run(session, "SELECT count(*) FROM lost_rows"))).isEqualTo("0");
    }

    private CompletableFuture<StatementResult> runInBackground(String sql) {
        return CompletableFuture.supplyAsync(() -> session.execute(
                BoundStatement.of(sql), QuerySession.DEFAULT_TIMEOUT, new CancellationToken(), ExecutionListener.NONE));
    }

    private static void terminateWhenActive() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection connection = QueryTestSupport.SERVER.connect("postgres");
                PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(pid)"
                        + " FROM pg_stat_activity WHERE application_name = ? AND state = 'active'"
                        + " AND query LIKE '%pg_sleep(2)%'")) {
            terminate.setString(1, APPLICATION);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = terminate.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the statement never became active");
    }
}
