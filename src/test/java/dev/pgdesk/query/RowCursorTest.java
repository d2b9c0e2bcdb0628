package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.task.CancellationToken;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link RowCursor} through {@link QuerySession#openCursor} against a real server. */
@Tag("server")
class RowCursorTest {
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void open() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("row-cursor-test");
    }

    @AfterEach
    void close() {
        session.close();
        support.close();
    }

    private RowCursor cursor(String sql, Duration timeout, CancellationToken token) throws SQLException {
        return session.openCursor(StatementBinding.withoutParameters(sql), 100, timeout, token);
    }

    private static List<Object[]> readAll(RowCursor cursor, int batch) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (List<Object[]> next = cursor.next(batch); !next.isEmpty(); next = cursor.next(batch)) {
            rows.addAll(next);
        }
        return rows;
    }

    @Test
    void rowsComeInBatchesOfTheAskedSizeUntilExhausted() throws SQLException {
        try (RowCursor cursor =
                cursor("SELECT g AS n FROM generate_series(1, 250) g", Duration.ZERO, new CancellationToken())) {
            assertThat(cursor.columns()).containsExactly(new Column("n", "int4"));
            assertThat(cursor.next(120)).hasSize(120);
            assertThat(cursor.exhausted()).isFalse();
            assertThat(cursor.next(120)).hasSize(120);
            List<Object[]> last = cursor.next(120);
            assertThat(last).hasSize(10);
            assertThat(last.get(9)[0]).isEqualTo("250");
            assertThat(cursor.exhausted()).isTrue();
            assertThat(cursor.next(120)).isEmpty();
        }
    }

    @Test
    void everyValueIsTheServersOwnTextWithEveryMicrosecondAndOffset() throws SQLException {
        List<String> values = List.of(
                "'2024-01-31 13:45:00.123456+02'::timestamptz",
                "'2024-01-31 13:45:00.654321'::timestamp",
                "'0044-03-15 BC'::date",
                "'23:59:59.999999'::time",
                "'10:00:00.5+05:30'::timetz",
                "'infinity'::timestamptz",
                "1234.5::money",
                "1e300::float8",
                "'NaN'::numeric",
                "point(1.5, 2)");
        // The oracle: the server's own text of each value, in the same statement.
        String sql = "SELECT "
                + String.join(
                        ", ",
                        values.stream().map(v -> v + ", (" + v + ")::text").toList());
        try (RowCursor cursor = cursor(sql, Duration.ZERO, new CancellationToken())) {
            Object[] row = cursor.next(10).get(0);
            for (int i = 0; i < values.size(); i++) {
                assertThat(row[2 * i]).as(values.get(i)).isEqualTo(row[2 * i + 1]);
            }
            assertThat(row[4]).isEqualTo("0044-03-15 BC");
            assertThat(row[8]).isEqualTo("10:00:00.5+05:30");
            assertThat(row[12]).isEqualTo("$1,234.50");
        }
    }

    @Test
    void parametersAreBoundNotPasted() throws SQLException {
        BoundStatement bound = new BoundStatement(
                "SELECT $1::numeric * 2 AS twice",
                "SELECT ?::numeric * 2 AS twice",
                List.of(new ParameterValue("numeric", new BigDecimal("1.25"))));
        try (RowCursor cursor = session.openCursor(bound, 10, Duration.ZERO, new CancellationToken())) {
            assertThat(cursor.next(5).get(0)[0]).isEqualTo("2.50");
        }
    }

    @Test
    void writingStatementsAreRefusedSoTheyRunTheOrdinaryWay() {
        assertThat(RowCursor.canStream("-- report\nWITH x AS (SELECT 1) SELECT * FROM x"))
                .isTrue();
        assertThat(RowCursor.canStream("INSERT INTO t VALUES (1) RETURNING *")).isFalse();
        assertThatThrownBy(() -> cursor("DELETE FROM nothing RETURNING *", Duration.ZERO, new CancellationToken()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DELETE");
    }

    @Test
    void aCancelStopsTheStatementOnTheServer() throws Exception {
        CancellationToken token = new CancellationToken();
        CompletableFuture<Void> later = CompletableFuture.runAsync(
                token::cancel, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertThatThrownBy(() -> {
                    try (RowCursor cursor = cursor("SELECT pg_sleep(30)", Duration.ZERO, token)) {
                        cursor.next(10);
                    }
                })
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(ServerError.QUERY_CANCELED));
        later.get();
        assertThat(QueryTestSupport.single(QueryTestSupport.run(session, "SELECT 7")))
                .isEqualTo("7");
    }

    @Test
    void theTimeoutCancelsASlowStatement() {
        assertThatThrownBy(() -> {
                    try (RowCursor cursor =
                            cursor("SELECT pg_sleep(10)", Duration.ofMillis(200), new CancellationToken())) {
                        cursor.next(10);
                    }
                })
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(ServerError.QUERY_CANCELED));
    }

    @Test
    void insideTheTabsTransactionTheCursorSeesItsChangesAndLeavesItOpen() throws SQLException {
        QueryTestSupport.run(session, "BEGIN");
        QueryTestSupport.run(session, "CREATE TEMP TABLE cursor_seen AS SELECT g FROM generate_series(1, 30) g");
        try (RowCursor cursor =
                cursor("SELECT g FROM cursor_seen ORDER BY g", Duration.ofSeconds(5), new CancellationToken())) {
            assertThat(readAll(cursor, 7)).hasSize(30);
        }
        assertThat(session.transactionState()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(QueryTestSupport.single(QueryTestSupport.run(session, "SELECT count(*) FROM cursor_seen")))
                .isEqualTo("30");
    }

    @Test
    void aSideEffectOfAFullyReadStatementIsKeptAsInAutoCommit() throws SQLException {
        QueryTestSupport.alice("CREATE SEQUENCE IF NOT EXISTS alice.cursor_seq");
        long before = Long.parseLong(
                (String) QueryTestSupport.single(QueryTestSupport.run(session, "SELECT nextval('alice.cursor_seq')")));
        try (RowCursor cursor = cursor(
                "SELECT nextval('alice.cursor_seq') FROM generate_series(1, 5)",
                Duration.ZERO,
                new CancellationToken())) {
            assertThat(readAll(cursor, 2)).hasSize(5);
        }
        assertThat(session.isPinned()).isFalse();
        assertThat(QueryTestSupport.single(QueryTestSupport.run(session, "SELECT last_value FROM alice.cursor_seq")))
                .isEqualTo(Long.toString(before + 5));
    }

    @Test
    void noticesOfTheStatementAreKeptInBothWaysOfReading() throws SQLException {
        QueryTestSupport.alice("CREATE OR REPLACE FUNCTION alice.noisy(n int) RETURNS int LANGUAGE plpgsql"
                + " AS $$ BEGIN RAISE NOTICE 'row %', n; RETURN n; END $$");
        String sql = "SELECT alice.noisy(g) FROM generate_series(1, 2) g";
        try (RowCursor cursor = cursor(sql, Duration.ZERO, new CancellationToken())) {
            readAll(cursor, 10);
            assertThat(cursor.notices()).containsExactly(new Notice("NOTICE", "row 1"), new Notice("NOTICE", "row 2"));
        }
        QueryTestSupport.run(session, "BEGIN");
        try (RowCursor cursor = cursor(sql, Duration.ZERO, new CancellationToken())) {
            readAll(cursor, 10);
            assertThat(cursor.notices()).containsExactly(new Notice("NOTICE", "row 1"), new Notice("NOTICE", "row 2"));
        }
    }

    @Test
    void anErrorPositionPointsIntoTheUsersStatementAlsoInsideATransaction() throws SQLException {
        String sql = "SELECT 1 FROM no_such_table";
        int expected = sql.indexOf("no_such_table") + 1;
        for (boolean inTransaction : new boolean[] {false, true}) {
            if (inTransaction) {
                QueryTestSupport.run(session, "BEGIN");
            }
            SQLException failure = null;
            try (RowCursor cursor = cursor(sql, Duration.ZERO, new CancellationToken())) {
                cursor.next(1);
            } catch (SQLException e) {
                failure = e;
            }
            assertThat((Object) failure).isNotNull();
            ServerError error = StatementErrors.from(failure, false, Duration.ZERO);
            assertThat(error.sqlState()).isEqualTo("42P01");
            assertThat(error.position())
                    .as("in a transaction: %s", inTransaction)
                    .isEqualTo(expected);
        }
        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
    }
}
