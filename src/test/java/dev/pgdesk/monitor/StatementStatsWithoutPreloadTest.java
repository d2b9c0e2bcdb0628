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
 * The last test follows the advice, so it runs last.
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
    @Order(Integer.MAX_VALUE)
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

    private SlowQueries.Unavailable unavailable(Connection c) throws SQLException {
        SlowQueries result = reader.read(c, SlowQueryOrder.TOTAL_TIME, 10);
        assertThat(result).isInstanceOf(SlowQueries.Unavailable.class);
        return (SlowQueries.Unavailable) result;
    }
}
