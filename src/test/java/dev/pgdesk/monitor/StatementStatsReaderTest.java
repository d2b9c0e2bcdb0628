package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class StatementStatsReaderTest {
    /** pg_stat_statements keeps 5000 statements by default; reading them all finds every marker. */
    private static final int ALL = 5000;

    private static final int ROWS = 300;

    private final StatementStatsReader reader = new StatementStatsReader();

    @Test
    void aDistinctiveQueryAppearsWithItsNormalisedTextAndCounts() throws SQLException {
        String marker = marker();
        run("postgres", marker, "SELECT count(*) FROM " + marker + " WHERE g > 42", 3);

        StatementStats stats =
                only(read("postgres", SlowQueryOrder.TOTAL_TIME, ALL).statements(), marker);

        assertThat(stats.query()).isEqualTo("SELECT count(*) FROM " + marker + " WHERE g > $1");
        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.rows()).isEqualTo(3);
        assertThat(stats.user()).isEqualTo("postgres");
        assertThat(stats.database()).isEqualTo(TestServer.DATABASE);
        assertThat(stats.queryId()).isNotZero();
        assertThat(stats.totalMillis()).isPositive();
        assertThat(stats.meanMillis()).isCloseTo(stats.totalMillis() / 3, within(1e-9));
        if (stats.hitRatio() != null) {
            assertThat(stats.hitRatio()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void callsOrderPutsAQueryRunTwentyTimesAboveOneRunOnce() throws SQLException {
        String often = marker();
        String once = marker();
        run("postgres", often, "SELECT count(*) FROM " + often, 20);
        run("postgres", once, "SELECT count(*) FROM " + once, 1);

        List<StatementStats> statements =
                read("postgres", SlowQueryOrder.CALLS, ALL).statements();

        assertRankedBy(statements, stats -> stats.calls());
        assertThat(indexOf(statements, often)).isLessThan(indexOf(statements, once));
        assertThat(only(statements, often).calls()).isEqualTo(20);
    }

    @Test
    void totalTimeOrderPutsASlowQueryAboveAFastOne() throws SQLException {
        String slow = marker();
        String fast = marker();
        run("postgres", slow, "SELECT pg_sleep(0.05) FROM " + slow + " LIMIT 1", 1);
        run("postgres", fast, "SELECT count(*) FROM " + fast, 1);

        List<StatementStats> statements =
                read("postgres", SlowQueryOrder.TOTAL_TIME, ALL).statements();

        assertRankedBy(statements, StatementStats::totalMillis);
        assertThat(indexOf(statements, slow)).isLessThan(indexOf(statements, fast));
        assertThat(only(statements, slow).totalMillis()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void meanTimeOrderPutsOneSlowRunAboveManyFastOnes() throws SQLException {
        String slow = marker();
        String fast = marker();
        run("postgres", slow, "SELECT pg_sleep(0.05) FROM " + slow + " LIMIT 1", 1);
        run("postgres", fast, "SELECT count(*) FROM " + fast, 20);

        List<StatementStats> statements =
                read("postgres", SlowQueryOrder.MEAN_TIME, ALL).statements();

        assertRankedBy(statements, StatementStats::meanMillis);
        assertThat(indexOf(statements, slow)).isLessThan(indexOf(statements, fast));
    }

    @Test
    void rowsOrderPutsAQueryReturningManyRowsAboveOneReturningOne() throws SQLException {
        String many = marker();
        String one = marker();
        run("postgres", many, "SELECT g FROM " + many, 1);
        run("postgres", one, "SELECT count(*) FROM " + one, 1);

        List<StatementStats> statements =
                read("postgres", SlowQueryOrder.ROWS, ALL).statements();

        assertRankedBy(statements, stats -> stats.rows());
        assertThat(indexOf(statements, many)).isLessThan(indexOf(statements, one));
        assertThat(only(statements, many).rows()).isEqualTo(ROWS);
    }

    @Test
    void theLimitCapsTheList() throws SQLException {
        for (int i = 0; i < 3; i++) {
            String marker = marker();
            run("postgres", marker, "SELECT count(*) FROM " + marker, 1);
        }

        assertThat(read("postgres", SlowQueryOrder.CALLS, 2).statements()).hasSize(2);
        try (Connection c = TestServer.shared().connect("postgres")) {
            assertThatThrownBy(() -> reader.read(c, SlowQueryOrder.CALLS, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1");
        }
    }

    @Test
    void aDatabaseWithoutTheExtensionSaysItIsNotInstalledAndHowToCreateIt() throws SQLException {
        try (Connection c = TestServer.shared().connect("postgres", "postgres")) {
            assertThat(scalar(c, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'"))
                    .as("the shared server's postgres database has no pg_stat_statements")
                    .isEqualTo("0");

            SlowQueries result = reader.read(c, SlowQueryOrder.TOTAL_TIME, 10);

            assertThat(result).isInstanceOf(SlowQueries.Unavailable.class);
            SlowQueries.Unavailable unavailable = (SlowQueries.Unavailable) result;
            assertThat(unavailable.reason())
                    .isEqualTo("pg_stat_statements is not installed in this database (postgres).");
            assertThat(unavailable.howToEnable())
                    .contains("Connect to database \"postgres\" as a superuser")
                    .contains("CREATE EXTENSION pg_stat_statements;")
                    .contains("no restart is needed");
            assertThat(reader.canReset(c)).isFalse();
            assertThatThrownBy(() -> reader.reset(c))
                    .isInstanceOf(MonitorException.class)
                    .hasMessageContaining("not installed in database \"postgres\"");
        }
    }

    @Test
    void aRoleThatMayNotReadThePreloadSettingStillLearnsHowToCreateTheExtension() throws SQLException {
        try (Connection c = TestServer.shared().connect("alice", "postgres")) {
            SlowQueries.Unavailable unavailable =
                    (SlowQueries.Unavailable) reader.read(c, SlowQueryOrder.TOTAL_TIME, 10);

            assertThat(unavailable.reason()).contains("not installed in this database");
            assertThat(unavailable.howToEnable())
                    .contains("CREATE EXTENSION pg_stat_statements;")
                    .contains("SHOW shared_preload_libraries");
        }
    }

    @Test
    void aliceSeesHerOwnTextsAndOnlyInsufficientPrivilegeForOthers() throws SQLException {
        String hers = marker();
        String theirs = marker();
        run("alice", hers, "SELECT count(*) FROM " + hers, 1);
        run("postgres", theirs, "SELECT count(*) FROM " + theirs, 1);

        SlowQueries.Available available = read("alice", SlowQueryOrder.CALLS, ALL);

        assertThat(only(available.statements(), hers).user()).isEqualTo("alice");
        assertThat(available.statements()).noneMatch(stats -> stats.query().contains(theirs));
        assertThat(available.statements())
                .anyMatch(stats ->
                        stats.user().equals("postgres") && stats.query().equals("<insufficient privilege>"));
        assertThat(available.canReset()).isFalse();
    }

    @Test
    void aliceMayNotResetAndIsToldWhichGrantToAskFor() throws SQLException {
        String marker = marker();
        run("postgres", marker, "SELECT count(*) FROM " + marker, 1);

        try (Connection c = TestServer.shared().connect("alice")) {
            assertThat(reader.canReset(c)).isFalse();
            assertThatThrownBy(() -> reader.reset(c))
                    .isInstanceOf(MonitorException.class)
                    .hasMessageContaining("The role \"alice\" may not reset the statement statistics")
                    .hasMessageContaining("GRANT EXECUTE ON FUNCTION public.pg_stat_statements_reset(")
                    .hasMessageEndingWith(" TO alice;");
        }
        assertThat(read("postgres", SlowQueryOrder.CALLS, ALL).statements())
                .anyMatch(stats -> stats.query().contains(marker));
    }

    @Test
    void theGrantNamedInTheRefusalLetsARoleReset() throws SQLException {
        String role = marker();
        try (Connection c = TestServer.shared().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " NOLOGIN");
            try {
                s.execute("SET ROLE " + role);
                String refusal = "";
                try {
                    reader.reset(c);
                } catch (MonitorException e) {
                    refusal = e.getMessage();
                }
                String grant = refusal.substring(refusal.indexOf("GRANT"));
                s.execute("RESET ROLE");

                s.execute(grant);
                s.execute("SET ROLE " + role);

                assertThat(reader.canReset(c)).isTrue();
                assertThat(grant).endsWith("TO " + role + ";");
            } finally {
                s.execute("RESET ROLE");
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theSuperuserResetsAndTheStatisticsAreGone() throws SQLException {
        String marker = marker();
        run("postgres", marker, "SELECT count(*) FROM " + marker, 2);
        assertThat(read("postgres", SlowQueryOrder.CALLS, ALL).statements())
                .anyMatch(stats -> stats.query().contains(marker));

        try (Connection c = TestServer.shared().connect("postgres")) {
            assertThat(reader.canReset(c)).isTrue();
            reader.reset(c);
        }

        SlowQueries.Available after = read("postgres", SlowQueryOrder.CALLS, ALL);
        assertThat(after.statements()).noneMatch(stats -> stats.query().contains(marker));
        assertThat(after.canReset()).isTrue();
    }

    private SlowQueries.Available read(String user, SlowQueryOrder order, int limit) throws SQLException {
        try (Connection c = TestServer.shared().connect(user)) {
            SlowQueries result = reader.read(c, order, limit);
            assertThat(result).isInstanceOf(SlowQueries.Available.class);
            return (SlowQueries.Available) result;
        }
    }

    private static void assertRankedBy(List<StatementStats> statements, ToDoubleFunction<StatementStats> key) {
        assertThat(statements).isNotEmpty();
        assertThat(statements)
                .isSortedAccordingTo(Comparator.comparingDouble(key).reversed());
    }

    private static StatementStats only(List<StatementStats> statements, String marker) {
        // The temporary table's CREATE is tracked too; the markers' statements are the SELECTs.
        List<StatementStats> matching = statements.stream()
                .filter(stats ->
                        stats.query().startsWith("SELECT") && stats.query().contains(marker))
                .toList();
        assertThat(matching).as("statements naming %s", marker).hasSize(1);
        return matching.get(0);
    }

    private static int indexOf(List<StatementStats> statements, String marker) {
        only(statements, marker);
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).query().startsWith("SELECT")
                    && statements.get(i).query().contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Runs {@code sql} on a temporary table named {@code marker} holding {@link #ROWS} rows: column aliases
     * and comments do not change the query id, so only a relation of its own keeps a marker's statistics
     * apart from other statements of the same shape.
     */
    private static void run(String user, String marker, String sql, int times) throws SQLException {
        try (Connection c = TestServer.shared().connect(user);
                Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE " + marker + " AS SELECT g FROM generate_series(1, " + ROWS + ") g");
            for (int i = 0; i < times; i++) {
                s.execute(sql);
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String marker() {
        return "pgdesk_marker_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
