package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A server that preloads auto_explain but not pg_stat_statements. The test server still creates the
 * extension in pgdesk_test (CREATE EXTENSION works without the library loaded; reading the view does not).
 * The last two tests follow the advice and then move the extension to another schema, so they run last,
 * in that order.
 */
@Tag("server")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementStatsWithoutPreloadTest {
    private static final String REASON =
            "pg_stat_statements is not in shared_preload_libraries, so the server collects no statement statistics.";

    private static TestServer server;

    private final StatementStatsReader reader = new StatementStatsReader();

    @BeforeAll
    static void startServerWithoutTheLibrary() {
        server = TestServer.startDedicated("nopgss", b -> b.setting("shared_preload_libraries", "auto_explain"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theExtensionIsCreatedButItsViewCannotBeRead() throws SQLException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM pg_stat_statements"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("55000");
        }
    }

    @Test
    void theSuperuserIsToldToPreloadTheLibraryKeepingTheOthersAndToRestart() throws SQLException {
        try (Connection c = server.connect("postgres")) {
            SlowQueries.Unavailable unavailable = unavailable(c);

            assertThat(unavailable.reason()).isEqualTo(REASON);
            assertThat(unavailable.howToEnable())
                    .contains("ALTER SYSTEM replaces the whole list, so keep the libraries already in it (now:"
                            + " auto_explain)")
                    .contains("ALTER SYSTEM SET shared_preload_libraries = 'auto_explain', 'pg_stat_statements';")
                    .contains("Restart the PostgreSQL server")
                    .contains("the extension is already created in database \"pgdesk_test\"")
                    .doesNotContain("ERROR");
        }
    }

    @Test
    void inADatabaseWithoutTheExtensionTheStepsEndWithCreatingIt() throws SQLException {
        try (Connection c = server.connect("postgres", "postgres")) {
            SlowQueries.Unavailable unavailable = unavailable(c);

            assertThat(unavailable.reason()).isEqualTo(REASON);
            assertThat(unavailable.howToEnable())
                    .contains("3. In database \"postgres\", as a superuser, run:\n   CREATE EXTENSION"
                            + " pg_stat_statements;");
        }
    }

    @Test
    void aRoleThatMayNotReadTheSettingGetsTheSameExplanationAndKeepsItsTransaction() throws SQLException {
        try (Connection c = server.connect("alice")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");

                SlowQueries.Unavailable unavailable = unavailable(c);

                assertThat(unavailable.reason()).isEqualTo(REASON);
                assertThat(unavailable.howToEnable()).contains("this role may not read the setting");
                try (ResultSet rs = s.executeQuery("SELECT 2")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void resetIsRefusedInWords() throws SQLException {
        try (Connection c = server.connect("postgres")) {
            assertThatThrownBy(() -> reader.reset(c))
                    .isInstanceOf(MonitorException.class)
                    .hasMessage("pg_stat_statements is not in shared_preload_libraries, so the server collects no"
                            + " statement statistics to reset.");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void followingTheAdviceMakesTheStatisticsAvailable() throws Exception {
        String howToEnable;
        try (Connection c = server.connect("postgres")) {
            howToEnable = unavailable(c).howToEnable();
        }
        String alterSystem = howToEnable
                .lines()
                .map(String::trim)
                .filter(line -> line.startsWith("ALTER SYSTEM SET"))
                .findFirst()
                .orElseThrow();
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(alterSystem);
        }

        server.server().restart();

        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW shared_preload_libraries")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("auto_explain, pg_stat_statements");
            }
            assertThat(reader.read(c, SlowQueryOrder.CALLS, 10)).isInstanceOf(SlowQueries.Available.class);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anExtensionInAnotherSchemaIsReadThereAndARoleWithoutUsageIsToldWhatToGrant() throws SQLException {
        String marker = "pgdesk_marker_schema_" + Long.toHexString(System.nanoTime());
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA monitoring");
            s.execute("ALTER EXTENSION pg_stat_statements SET SCHEMA monitoring");
            s.execute("CREATE TEMPORARY TABLE " + marker + " AS SELECT 1 AS g");
            s.execute("SELECT count(*) FROM " + marker);

            SlowQueries.Available available = (SlowQueries.Available) reader.read(c, SlowQueryOrder.CALLS, 5000);
            assertThat(available.statements())
                    .anyMatch(stats -> stats.query().equals("SELECT count(*) FROM " + marker));
            assertThat(available.canReset()).isTrue();
        }

        try (Connection alice = server.connect("alice")) {
            SlowQueries.Unavailable unavailable = unavailable(alice);
            assertThat(unavailable.reason())
                    .isEqualTo("The role \"alice\" may not read pg_stat_statements in schema \"monitoring\".");
            assertThat(unavailable.howToEnable())
                    .isEqualTo("Ask a superuser (or the owner of the schema) to run:\n   GRANT USAGE ON SCHEMA"
                            + " monitoring TO alice;");
        }
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA monitoring TO alice");
        }
        try (Connection alice = server.connect("alice")) {
            assertThat(reader.read(alice, SlowQueryOrder.CALLS, 10)).isInstanceOf(SlowQueries.Available.class);
            assertThatThrownBy(() -> reader.reset(alice))
                    .isInstanceOf(MonitorException.class)
                    .hasMessageContaining("GRANT EXECUTE ON FUNCTION monitoring.pg_stat_statements_reset(");
        }

        try (Connection c = server.connect("postgres")) {
            reader.reset(c);
            SlowQueries.Available after = (SlowQueries.Available) reader.read(c, SlowQueryOrder.CALLS, 5000);
            assertThat(after.statements()).noneMatch(stats -> stats.query().contains(marker));
        }
    }

    private SlowQueries.Unavailable unavailable(Connection c) throws SQLException {
        SlowQueries result = reader.read(c, SlowQueryOrder.TOTAL_TIME, 10);
        assertThat(result).isInstanceOf(SlowQueries.Unavailable.class);
        return (SlowQueries.Unavailable) result;
    }
}
