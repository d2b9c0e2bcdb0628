package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.run;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class TimeoutAndCancelTest {
    private static final String APPLICATION = "pgdesk-query-cancel";

    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session(APPLICATION);
        // A statement that names statement_timeout runs with nothing of pgdesk's around it (it may set it
        // itself), so the tests read the setting through a function whose call does not name it.
        QueryTestSupport.alice("CREATE OR REPLACE FUNCTION alice.timeout_now() RETURNS text LANGUAGE sql"
                + " AS $$ SELECT current_setting('statement_timeout') $$");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void aStatementPastItsTimeoutIsCanceledOnTheServerWithAClearMessage() {
        long started = System.nanoTime();

        StatementResult result = run(session, "SELECT pg_sleep(10)", Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(result).isInstanceOfSatisfying(ServerError.class, e -> {
            assertThat(e.sqlState()).isEqualTo("57014");
            assertThat(e.message()).isEqualTo("canceled after 1 s (statement timeout)");
            assertThat(e.detail()).contains("statement timeout");
        });
    }

    @Test
    void theTimeoutIsSetOnTheServerForTheStatementOnly() {
        Object during = single(run(session, "SELECT alice.timeout_now()", Duration.ofSeconds(7)));
        Object none = single(run(session, "SELECT alice.timeout_now()", Duration.ZERO));
        Object shown = single(run(session, "SHOW statement_timeout", Duration.ofSeconds(7)));

        assertThat(during).isEqualTo("7s");
        assertThat(none).isEqualTo("0");
        assertThat(shown)
                .as("SHOW names the setting, so it shows the session's own")
                .isEqualTo("0");
    }

    @Test
    void insideATransactionTheSessionShowsTheUsersStatementRatherThanATimeoutReset() throws SQLException {
        session.setManualCommit(true);
        Object during = single(run(session, "SELECT alice.timeout_now()", Duration.ofSeconds(7)));
        Object pid = single(run(session, "SELECT pg_backend_pid() /* the user's statement */", Duration.ofSeconds(7)));

        String lastQuery;
        try (Connection observer = QueryTestSupport.SERVER.connect("postgres");
                PreparedStatement statement =
                        observer.prepareStatement("SELECT state, query FROM pg_stat_activity WHERE pid = ?")) {
            statement.setInt(1, Integer.parseInt((String) pid));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertThat(row.getString("state")).isEqualTo("idle in transaction");
                lastQuery = row.getString("query");
            }
        }
        session.rollback();

        assertThat(during).isEqualTo("7s");
        assertThat(lastQuery).isEqualTo("SELECT pg_backend_pid() /* the user's statement */");
    }

    @Test
    void aZeroTimeoutLetsAStatementRunPastTheDefault() {
        StatementResult result = run(session, "SELECT pg_sleep(1.2)", Duration.ZERO);

        assertThat(result).isInstanceOf(RowsResult.class);
    }

    @Test
    void cancelStopsARunningStatementOnTheServerWithinTwoSeconds() throws Exception {
        CancellationToken token = new CancellationToken();
        CompletableFuture<StatementResult> running = CompletableFuture.supplyAsync(() -> session.execute(
                BoundStatement.of("SELECT pg_sleep(60)"), QuerySession.DEFAULT_TIMEOUT, token, ExecutionListener.NONE));
        awaitActiveSleep(true);

        long canceled = System.nanoTime();
        token.cancel();
        StatementResult result = running.get(2, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - canceled)).isLessThan(Duration.ofSeconds(2));
        assertThat(result).isInstanceOfSatisfying(ServerError.class, e -> {
            assertThat(e.sqlState()).isEqualTo("57014");
            assertThat(e.message()).isEqualTo("canceled by the user");
        });
        assertThat(activeSleeps()).isZero();
        assertThat(single(run(session, "SELECT 'still usable'"))).isEqualTo("still usable");
    }

    @Test
    void aTokenCanceledBeforehandSendsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();

        StatementResult result = session.execute(
                BoundStatement.of("SELECT 1"), QuerySession.DEFAULT_TIMEOUT, token, ExecutionListener.NONE);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ServerError.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
    }

    private void awaitActiveSleep(boolean expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((activeSleeps() > 0) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pg_sleep never became active");
            }
            Thread.sleep(50);
        }
    }

    private static int activeSleeps() throws SQLException {
        try (Connection connection = QueryTestSupport.SERVER.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND state = 'active' AND query LIKE '%pg_sleep(60)%'")) {
            statement.setString(1, APPLICATION);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
