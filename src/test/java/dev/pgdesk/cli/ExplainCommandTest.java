package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk explain} against a real server, on 1,000 customers and 20,000 orders of its own. */
@Tag("server")
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX =
            UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String CUSTOMERS = "cli_explain_customers_" + SUFFIX;
    private static final String ORDERS = "cli_explain_orders_" + SUFFIX;

    @TempDir
    Path home;

    @BeforeAll
    static void createTables() throws SQLException {
        execute(
                "CREATE TABLE " + CUSTOMERS + " (id int PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO " + CUSTOMERS + " SELECT i, 'customer ' || i FROM generate_series(1, 1000) i",
                "CREATE TABLE " + ORDERS + " (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES " + CUSTOMERS
                        + ", amount numeric NOT NULL)",
                "INSERT INTO " + ORDERS + " SELECT i, i % 1000 + 1, i % 97 FROM generate_series(1, 20000) i",
                "ALTER TABLE " + ORDERS + " SET (parallel_workers = 0)",
                "ANALYZE " + CUSTOMERS + ", " + ORDERS);
    }

    @AfterAll
    static void dropTables() throws SQLException {
        execute("DROP TABLE IF EXISTS " + ORDERS + ", " + CUSTOMERS);
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static String scalar(String sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private MonitorCommandRun explain(String... args) throws Exception {
        return MonitorCommandRun.as(
                TestServer.SUPERUSER, TestServer.shared().database(), home, ExplainCommand::new, args);
    }

    @Test
    void theTextTreeShowsTheNodeTheFilterAndTheSeqScanHint() throws Exception {
        MonitorCommandRun run = explain("--sql", "SELECT * FROM " + ORDERS + " WHERE customer_id = $1", "--param", "7");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines.get(0)).startsWith("EXPLAIN  (").contains("estimates only");
        assertThat(lines.get(1)).startsWith("Seq Scan on " + ORDERS + "  cost=").contains("rows=");
        assertThat(lines).contains("  Filter: (customer_id = 7)");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  ! Seq Scan on " + ORDERS + " reads about 20,000 rows to keep about ")
                        .endsWith("an index on (customer_id) may help"));
    }

    @Test
    void analyzeShowsActualsPerNodeUnderArrowsAndMarksTheExpensiveOnes() throws Exception {
        MonitorCommandRun run = explain(
                "--analyze",
                "--sql",
                "SELECT c.name, sum(o.amount) FROM " + ORDERS + " o JOIN " + CUSTOMERS
                        + " c ON c.id = o.customer_id GROUP BY c.name");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout.lines().findFirst().orElseThrow())
                .startsWith("EXPLAIN ANALYZE  (planning ")
                .contains("execution ");
        assertThat(run.stdout.lines().filter(line -> line.contains("->  ")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("rows est=")
                        .contains(" actual=")
                        .contains("loops="));
        assertThat(run.stdout).contains("Hash Cond: ").contains("Buffers: shared hit=");
        assertThat(run.stdout.lines().filter(line -> line.strip().startsWith("! ")))
                .anySatisfy(line -> assertThat(line).contains("of the execution time"));
        assertThat(run.stdout).doesNotContain("rolled back");
    }

    @Test
    void analyzeOfAnUpdateWithParametersChangesNothingAndSaysSo() throws Exception {
        String before = scalar("SELECT sum(amount) FROM " + ORDERS);

        MonitorCommandRun run = explain(
                "--analyze",
                "--sql",
                "UPDATE " + ORDERS + " SET amount = amount * $1 WHERE customer_id = $2",
                "--param",
                "2.5",
                "--param",
                "3");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout.lines().skip(1).findFirst().orElseThrow()).startsWith("Update on " + ORDERS);
        assertThat(run.stdout)
                .endsWith("EXPLAIN ANALYZE ran the UPDATE inside a transaction that was rolled back;"
                        + " nothing was changed.\n");
        assertThat(scalar("SELECT sum(amount) FROM " + ORDERS)).isEqualTo(before);
    }

    @Test
    void jsonCarriesTheTreeWithDerivedFiguresAndMarks() throws Exception {
        MonitorCommandRun run = explain(
                "--json",
                "--analyze",
                "--sql",
                "SELECT * FROM " + ORDERS + " WHERE customer_id = :customer",
                "--param",
                "customer=5");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        JsonNode document = JSON.readTree(run.stdout);
        assertThat(document.get("mode").asText()).isEqualTo("analyze");
        assertThat(document.get("executionMillis").asDouble()).isPositive();
        JsonNode plan = document.get("plan");
        assertThat(plan.get("nodeType").asText()).isEqualTo("Seq Scan");
        assertThat(plan.get("relation").asText()).isEqualTo(ORDERS);
        assertThat(plan.get("actual").get("rows").asDouble()).isEqualTo(20);
        assertThat(plan.get("selfMillis").asDouble()).isPositive();
        assertThat(plan.get("marks").findValuesAsText("kind")).contains("LARGE_SEQ_SCAN", "EXPENSIVE");
        assertThat(plan.get("children")).isEmpty();
    }

    @Test
    void anSqlErrorExitsWithFourAndTheServersMessageUnderTheLine() throws Exception {
        MonitorCommandRun run = explain("--sql", "SELECT idd FROM " + ORDERS);

        assertThat(run.status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr.lines().toList())
                .startsWith(
                        "ERROR 42703: column \"idd\" does not exist",
                        "LINE 1: SELECT idd FROM " + ORDERS,
                        "               ^");
    }

    @Test
    void moreThanOneStatementIsRefusedBeforeConnecting() throws Exception {
        MonitorCommandRun run = explain("--sql", "SELECT 1; SELECT 2");

        assertThat(run.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run.stderr).contains("EXPLAIN takes one statement, but --sql holds 2; nothing was run");
        assertThat(run.stdout).isEmpty();
    }

    @Test
    void missingWrongAndPlanlessInputIsABadArgument() throws Exception {
        MonitorCommandRun missing = explain("--sql", "SELECT * FROM " + ORDERS + " WHERE id = $1");
        MonitorCommandRun wrongType = explain("--sql", "SELECT * FROM " + ORDERS + " WHERE id = $1", "--param", "x");
        MonitorCommandRun ddl = explain("--sql", "CREATE INDEX ON " + ORDERS + " (customer_id)");

        assertThat(missing.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(missing.stderr).contains("no value for $1");
        assertThat(wrongType.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(wrongType.stderr).contains("$1 expects integer: \"x\" is not a number");
        assertThat(ddl.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(ddl.stderr).contains("CREATE statements have no plan");
    }

    @Test
    void theCommandIsListedByPgdesk() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new PgdeskCli()
                .run(
                        List.of("explain", "--help"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: pgdesk explain <target>");
    }
}
