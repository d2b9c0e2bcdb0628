package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk slow-queries} against a real server with pg_stat_statements, and a database without it. */
@Tag("server")
class SlowQueriesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private MonitorCommandRun slowQueries(String database, String... args) throws Exception {
        return MonitorCommandRun.as(TestServer.SUPERUSER, database, home, SlowQueriesCommand::new, args);
    }

    /**
     * Runs a query over a table of its own {@code times} times; returns the table's name. The table keeps the
     * query apart: pg_stat_statements merges queries that differ only in aliases or comments.
     */
    private static String runMarkedQuery(int times) throws SQLException {
        String marker = "cli_marker_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            // The shared server's statistics fill up as the suite runs; from none, the marker's rank among the
            // top statements does not depend on how many other tests ran before.
            statement.execute("SELECT pg_stat_statements_reset()");
            statement.execute("CREATE TABLE " + marker + " (n int)");
            try {
                for (int i = 0; i < times; i++) {
                    statement.execute("SELECT count(*) FROM " + marker + " WHERE n > 1");
                }
            } finally {
                statement.execute("DROP TABLE " + marker);
            }
        }
        return marker;
    }

    @Test
    void aQueryThatRanIsListedWithItsCallsAndNormalisedText() throws Exception {
        String marker = runMarkedQuery(3);

        MonitorCommandRun run = slowQueries(TestServer.shared().database(), "--json", "--top", "1000");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        JsonNode document = JSON.readTree(run.stdout);
        assertThat(document.get("available").asBoolean()).isTrue();
        JsonNode statement = StreamSupport.stream(document.get("statements").spliterator(), false)
                .filter(row -> row.get("query").asText().startsWith("SELECT count(*) FROM " + marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError(marker + " not listed in " + run.stdout));
        assertThat(statement.get("calls").asLong()).isEqualTo(3);
        assertThat(statement.get("query").asText()).isEqualTo("SELECT count(*) FROM " + marker + " WHERE n > $1");
        assertThat(statement.get("user").asText()).isEqualTo(TestServer.SUPERUSER);
        assertThat(statement.get("database").asText())
                .isEqualTo(TestServer.shared().database());
    }

    @Test
    void theTextTableRanksByTheOrderAskedAndKeepsToTheTop() throws Exception {
        String marker = runMarkedQuery(500);

        MonitorCommandRun run = slowQueries(TestServer.shared().database(), "--order", "calls", "--top", "1000");
        MonitorCommandRun one = slowQueries(TestServer.shared().database(), "--order", "calls", "--top", "1");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout.lines().findFirst().orElseThrow())
                .startsWith("TOTAL MS")
                .endsWith("QUERY");
        assertThat(run.stdout).contains(marker).contains("(top ").contains(" by calls)");
        assertThat(one.stdout.lines().count()).as(one.stdout).isEqualTo(3);
        assertThat(one.stdout).contains("(top 1 by calls)");
    }

    @Test
    void aRoleWithoutPgMonitorIsToldWhyOtherRolesStatementsAreHidden() throws Exception {
        String marker = runMarkedQuery(1);

        MonitorCommandRun run = MonitorCommandRun.as(
                "alice", TestServer.shared().database(), home, SlowQueriesCommand::new, "--json", "--top", "1000");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        JsonNode document = JSON.readTree(run.stdout);
        assertThat(document.get("privilegeNote").asText()).startsWith("Statements run by other roles show as");
        assertThat(run.stderr).contains("pgdesk slow-queries: note: ").contains("GRANT pg_monitor TO alice;");
        assertThat(run.stdout).doesNotContain(marker);
    }

    @Test
    void aDatabaseWithoutTheExtensionIsExplainedWithHowToEnableIt() throws Exception {
        MonitorCommandRun text = slowQueries("postgres");
        MonitorCommandRun json = slowQueries("postgres", "--json");

        assertThat(text.status).isEqualTo(ExitCodes.NOT_AVAILABLE);
        assertThat(text.stderr).contains("CREATE EXTENSION pg_stat_statements").doesNotContain("ERROR");
        assertThat(text.stdout).isEmpty();
        assertThat(json.status).isEqualTo(ExitCodes.NOT_AVAILABLE);
        JsonNode document = JSON.readTree(json.stdout);
        assertThat(document.get("available").asBoolean()).isFalse();
        assertThat(document.get("howToEnable").asText()).contains("CREATE EXTENSION pg_stat_statements");
    }

    @Test
    void badTopAndOrderAreRefusedBeforeConnecting() throws Exception {
        MonitorCommandRun zero = slowQueries(TestServer.shared().database(), "--top", "0");
        MonitorCommandRun order = slowQueries(TestServer.shared().database(), "--order", "slowest");

        assertThat(zero.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(zero.stderr).contains("--top needs a whole number from 1 to 1000, got '0'");
        assertThat(order.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(order.stderr).contains("--order takes total, mean, calls or rows, got 'slowest'");
    }
}
