package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pgdesk query} runs a script as psql does: one session from the first statement to the last, a lost
 * connection stops it (nothing moves to another connection), strings are read as the session reads them,
 * {@code $n} of function bodies and PREPARE are the code's own, pgdesk's timeout never lengthens the
 * session's, refusals come before anything is sent, and {@code --on-error continue} runs on after failures.
 */
@Tag("server")
class QueryScriptSessionTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** What pgdesk wrote to stdout; {@link #stdoutStream} may act on the writes as well. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private OutputStream stdoutStream = out;
    /** A schema of this test's own; extra schemas and roles of the test start with its name. */
    private final String schema =
            "qss_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    /** The application_name pgdesk connects with, so the test can find its backend. */
    private final String application = "pgdesk-" + schema;

    private final List<String> schemas = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    @TempDir
    Path home;

    @BeforeEach
    void createSchema() throws SQLException {
        createOwnSchema(schema, TestServer.SUPERUSER);
    }

    @AfterEach
    void dropSchemasAndRoles() throws SQLException {
        for (String name : schemas) {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
        for (String role : roles) {
            execute("DROP OWNED BY " + role + " CASCADE");
            execute("DROP ROLE IF EXISTS " + role);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Running the command

    private int run(String... args) {
        return runAs(TestServer.SUPERUSER, TestServer.shared().password(TestServer.SUPERUSER), args);
    }

    private int runAs(String user, String password, String... args) {
        PgEnvironment environment = new PgEnvironment(Map.of("PGPASSWORD", password), home);
        QueryCommand command = new QueryCommand(List::of, environment, PasswordLookup.NONE);
        List<String> arguments = new ArrayList<>();
        arguments.add(target(user));
        arguments.addAll(List.of(args));
        return command.run(
                arguments,
                InputStream.nullInputStream(),
                new PrintStream(stdoutStream, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String target(String user) {
        TestServer server = TestServer.shared();
        return "postgresql://" + user + "@localhost:" + server.port() + "/" + server.database() + "?application_name="
                + application;
    }

    /** Every JSON document on stdout, in order. */
    private List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(stdout())) {
            while (parser.nextToken() != null) {
                documents.add(JSON.readTree(parser));
            }
        }
        return documents;
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path scriptFile(String script) throws IOException {
        Path file = home.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    // ---------------------------------------------------------------------------------------------------
    // Setup and checks through superuser connections of the test's own

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean tableExists(String qualifiedName) throws SQLException {
        return count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('" + qualifiedName + "')") == 1;
    }

    private void createOwnSchema(String name, String owner) throws SQLException {
        schemas.add(name);
        execute("CREATE SCHEMA " + name + " AUTHORIZATION " + owner);
    }

    /**
     * A login role of this test (member of pgdesk_users, so pg_hba.conf lets it in by password), with
     * role-level settings ({@code ALTER ROLE ... SET}); returns its password.
     */
    private String createRole(String role, Map<String, String> settings) throws SQLException {
        String password = UUID.randomUUID().toString();
        roles.add(role);
        execute(
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' IN ROLE pgdesk_users",
                "GRANT CONNECT ON DATABASE " + TestServer.DATABASE + " TO " + role);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            execute("ALTER ROLE " + role + " SET " + setting.getKey() + " = '" + setting.getValue() + "'");
        }
        return password;
    }

    /**
     * Terminates the backends of this test's pgdesk connection (the main pool's, named exactly {@link
     * #application}), returning how many there were.
     */
    private int terminatePgdeskBackend() {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, application);
            int terminated = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(1)) {
                        terminated++;
                    }
                }
            }
            return terminated;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * pgdesk's stdout that, on the first write after {@code linesBefore} complete lines, runs an action once
     * (before the bytes are written): an event at an exact point of pgdesk's output, no timing involved.
     */
    private static final class ActingOutput extends OutputStream {
        private final ByteArrayOutputStream target;
        private final int linesBefore;
        private final Runnable action;
        private int lines;
        private boolean acted;

        ActingOutput(ByteArrayOutputStream target, int linesBefore, Runnable action) {
            this.target = target;
            this.linesBefore = linesBefore;
            this.action = action;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            if (!acted && lines >= linesBefore) {
                acted = true;
                action.run();
            }
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
            target.write(bytes, offset, length);
        }

        boolean acted() {
            return acted;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // 1. One session; a lost connection stops the script

    /**
     * Two schemas with a table {@code t_orders} of 100 rows each: {@code <schema>_staging}, which the script
     * sets as its search_path, and {@code <schema>_main}, the role's own search_path, which a fresh connection
     * would use. Returns the role's password.
     */
    private String twoOrderTables(String role) throws SQLException {
        String password = createRole(role, Map.of("search_path", schema + "_main"));
        for (String name : List.of(schema + "_staging", schema + "_main")) {
            createOwnSchema(name, role);
            execute(
                    "CREATE TABLE " + name + ".t_orders (id int PRIMARY KEY)",
                    "INSERT INTO " + name + ".t_orders SELECT g FROM generate_series(1, 100) g",
                    "ALTER TABLE " + name + ".t_orders OWNER TO " + role);
        }
        return password;
    }

    private void assertBothOrderTablesKeepAllRows() throws SQLException {
        assertThat(count("SELECT count(*) FROM " + schema + "_staging.t_orders"))
                .as("rows in the script's own t_orders")
                .isEqualTo(100);
        assertThat(count("SELECT count(*) FROM " + schema + "_main.t_orders"))
                .as("rows in the t_orders a fresh connection would delete from")
                .isEqualTo(100);
    }

    private String bugScript() {
        return "set search_path = " + schema + "_staging;\n"
                + "select g from generate_series(1, 5000) g;\n"
                + "delete from t_orders;\n";
    }

    @Test
    void aBackendTerminatedWhileTheSecondResultIsWrittenStopsTheScriptAndTheDeleteRunsNowhere() throws Exception {
        String role = schema + "_user";
        String password = twoOrderTables(role);
        List<Integer> terminated = new ArrayList<>();
        ActingOutput stdout = new ActingOutput(out, 1, () -> terminated.add(terminatePgdeskBackend()));
        stdoutStream = stdout;

        int status = runAs(role, password, "--sql", bugScript());

        assertThat(stdout.acted()).isTrue();
        assertThat(terminated)
                .as("pgdesk's backends when its output of statement 2 began")
                .containsExactly(1);
        // What the bug did: the DELETE ran on a fresh pooled connection, against the role's own t_orders.
        assertBothOrderTablesKeepAllRows();
        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0)).isEqualTo(json("{\"command\":\"SET\",\"rows_affected\":0}"));
        assertThat(documents.get(1)).hasSize(5000);
        assertThat(stdout()).doesNotContain("DELETE");
        // pgdesk notices the loss when it next talks to the server: for the DELETE, which never ran.
        assertThat(stderr())
                .contains("pgdesk query: the connection was lost during statement 3 of 3 (line 3); the session's"
                        + " settings, temporary tables and prepared statements are gone. Nothing was retried on"
                        + " another connection.");
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
    }

    @Test
    void aClosedStandardOutputStopsTheScriptBeforeTheDelete() throws Exception {
        String role = schema + "_user";
        String password = twoOrderTables(role);
        // What `| head -c 100` does to pgdesk's output: the pipe closes and every later write fails.
        stdoutStream = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (written + length > 100) {
                    throw new IOException("Broken pipe");
                }
                written += length;
                out.write(bytes, offset, length);
            }
        };

        int status = runAs(role, password, "--sql", bugScript());

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr())
                .contains("pgdesk query: could not write the output of statement 2 (standard output was closed, or its"
                        + " disk is full); the 1 statement after it did not run");
        assertBothOrderTablesKeepAllRows();
    }

    @Test
    void aScriptThatTerminatesItsOwnBackendStopsThereAndRunsNothingAfter() throws Exception {
        String role = schema + "_user";
        String password = twoOrderTables(role);
        String script = "set search_path = " + schema + "_staging;\n"
                + "select pg_terminate_backend(pg_backend_pid());\n"
                + "delete from t_orders;\n";

        int status = runAs(role, password, "--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr())
                .contains("pgdesk query: the connection was lost during statement 2 of 3 (line 2); the session's"
                        + " settings, temporary tables and prepared statements are gone, and the 1 statement after"
                        + " it did not run. Nothing was retried on another connection.");
        assertThat(documents()).containsExactly(json("{\"command\":\"SET\",\"rows_affected\":0}"));
        assertBothOrderTablesKeepAllRows();
    }

    @Test
    void csvOnStdoutStopsWithExitThreeWhenTheBackendIsTerminatedWhileRowsAreWritten() throws Exception {
        String role = schema + "_user";
        String password = twoOrderTables(role);
        List<Integer> terminated = new ArrayList<>();
        // With --format csv the SET's tag goes to stderr: the first write to stdout is the select's.
        ActingOutput stdout = new ActingOutput(out, 0, () -> terminated.add(terminatePgdeskBackend()));
        stdoutStream = stdout;
        String script = "set search_path = " + schema + "_staging;\n"
                + "select g from generate_series(1, 100000) g;\n"
                + "delete from t_orders;\n";

        int status = runAs(role, password, "--sql", script, "--format", "csv");

        assertThat(stdout.acted()).isTrue();
        assertThat(terminated).containsExactly(1);
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr())
                .contains("pgdesk query: the connection was lost during statement 2 of 3 (line 2)")
                .contains("and the 1 statement after it did not run. Nothing was retried on another connection.");
        assertThat(stdout()).startsWith("g\n1\n").doesNotContain("\n100000\n");
        assertBothOrderTablesKeepAllRows();
    }

    @Test
    void outputFileIsNotLeftWhenTheConnectionIsLostWhileItsRowsAreRead() throws Exception {
        String role = schema + "_user";
        String password = twoOrderTables(role);
        Path report = home.resolve("out").resolve("report.csv");
        Files.createDirectories(report.getParent());
        // The cursor reads 1000 rows at a time: row 3000 comes in the third fetch, after rows were written.
        String script = "set search_path = " + schema + "_staging;\n"
                + "select g, case when g = 3000 then pg_terminate_backend(pg_backend_pid()) end as gone"
                + " from generate_series(1, 5000) g;\n"
                + "delete from t_orders;\n";

        int status = runAs(role, password, "--sql", script, "--output", report.toString());

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr())
                .contains("pgdesk query: the connection was lost during statement 2 of 3 (line 2)")
                .contains("and the 1 statement after it did not run. Nothing was retried on another connection.")
                .doesNotContain("wrote ");
        assertThat(report).doesNotExist();
        try (Stream<Path> left = Files.list(report.getParent())) {
            assertThat(left).as("no partial file either").isEmpty();
        }
        assertBothOrderTablesKeepAllRows();
    }

    @Test
    void aConnectionLostDuringTheLastStatementIsExitThreeToo() throws Exception {
        int status = run("--sql", "select 1 as one;\nselect pg_terminate_backend(pg_backend_pid());\n");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr())
                .contains("pgdesk query: the connection was lost during statement 2 of 2 (line 2); the session's"
                        + " settings, temporary tables and prepared statements are gone. Nothing was retried on"
                        + " another connection.");
        assertThat(documents()).containsExactly(json("[{\"one\":1}]"));
    }

    @Test
    void temporaryTableAndSettingsOfOneStatementAreThereForTheNext() throws Exception {
        String script = "create temporary table scratch (v int);\n"
                + "insert into scratch values (1), (2);\n"
                + "set application_name = 'renamed by the script';\n"
                + "select count(*) as n, current_setting('application_name') as app,"
                + " count(distinct pg_backend_pid()) as backends from scratch;\n";

        int status = run("--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(3)).isEqualTo(json("[{\"n\":2,\"app\":\"renamed by the script\",\"backends\":1}]"));
    }

    // ---------------------------------------------------------------------------------------------------
    // 2. standard_conforming_strings

    @Test
    void aSetOfStandardConformingStringsAppliesAtOnceOnTheSameLine() throws Exception {
        int status = run("--sql", "set standard_conforming_strings = off; select 'a\\'b;' as x; select 2 as y;");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents())
                .containsExactly(
                        json("{\"command\":\"SET\",\"rows_affected\":0}"),
                        json("[{\"x\":\"a'b;\"}]"),
                        json("[{\"y\":2}]"));
    }

    @Test
    void aSetOfStandardConformingStringsAppliesToTheLinesAfterIt() throws Exception {
        int status = run(
                "--file",
                scriptFile("set standard_conforming_strings = off;\nselect 'a\\'b;' as x;\nselect 2 as y;\n")
                        .toString());

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents())
                .containsExactly(
                        json("{\"command\":\"SET\",\"rows_affected\":0}"),
                        json("[{\"x\":\"a'b;\"}]"),
                        json("[{\"y\":2}]"));
    }

    @Test
    void setLocalEndsWithCommitAndSetIsUndoneByRollback() throws Exception {
        // Read with the setting on, 'c\' is the string c\ and the ; after it ends the statement.
        String script = "begin;\n"
                + "set local standard_conforming_strings = off;\n"
                + "select 'a\\'b;' as x;\n"
                + "commit;\n"
                + "select 'c\\' as y;\n"
                + "begin;\n"
                + "set standard_conforming_strings = off;\n"
                + "rollback;\n"
                + "select 'd\\' as z;\n"
                + "set standard_conforming_strings = off;\n"
                + "reset standard_conforming_strings;\n"
                + "select 'e\\' as w;\n";

        int status = run("--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(12);
        assertThat(documents.get(2)).isEqualTo(json("[{\"x\":\"a'b;\"}]"));
        assertThat(documents.get(4)).isEqualTo(json("[{\"y\":\"c\\\\\"}]"));
        assertThat(documents.get(8)).isEqualTo(json("[{\"z\":\"d\\\\\"}]"));
        assertThat(documents.get(11)).isEqualTo(json("[{\"w\":\"e\\\\\"}]"));
    }

    @Test
    void aChangeTheTextDoesNotShowIsFollowedByReadingTheRestAgain() throws Exception {
        // With the setting on, line 2's string is 'a\' and the rest of the line a comment, so lines 2 and 3
        // are one statement; with it off, 'a\' -- ' is one string and lines 2 and 3 are two statements.
        String script = "select set_config('standard_conforming_strings', 'off', false) as old;\n"
                + "select 'a\\' -- ' as x;\n"
                + "select 2 as y;\n";

        int status = run("--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents())
                .containsExactly(json("[{\"old\":\"off\"}]"), json("[{\"x\":\"a' -- \"}]"), json("[{\"y\":2}]"));
    }

    // ---------------------------------------------------------------------------------------------------
    // 3. $n of code-defining statements and PREPARE

    @Test
    void parametersOfFunctionBodiesAndPrepareNeedNoParam() throws Exception {
        String script = "set search_path = " + schema + ";\n"
                + "create function plus_one(int) returns int language sql as $$ select $1 + 1 $$;\n"
                + "create or replace procedure keep(int) language plpgsql as $$ begin perform $1; end $$;\n"
                + "prepare p(int) as select $1 + 1 as answer;\n"
                + "execute p(41);\n"
                + "select plus_one(1) as two;\n";

        int status = run("--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(6);
        assertThat(documents.get(4)).isEqualTo(json("[{\"answer\":42}]"));
        assertThat(documents.get(5)).isEqualTo(json("[{\"two\":2}]"));
    }

    @Test
    void sqlStandardBodiesAreSentWithTheirParametersUntouched() throws Exception {
        String script = "set search_path = " + schema + ";\n"
                + "create function add_one(int) returns int language sql return $1 + 1;\n"
                + "create or replace function twice(int) returns int language sql\n"
                + "begin atomic\n"
                + "  select $1 * 2;\n"
                + "end;\n"
                + "select add_one(41) as a, twice(21) as b;\n";

        int status = run("--sql", script, "--on-error", "continue");

        if (TestServer.shared().majorVersion() >= 14) {
            assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
            assertThat(documents().get(3)).isEqualTo(json("[{\"a\":42,\"b\":42}]"));
        } else {
            // PostgreSQL 13 has no SQL-standard bodies: the server's syntax errors show both were sent, whole.
            assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
            assertThat(stderr())
                    .contains("pgdesk query: 3 of 4 statements failed:")
                    .contains("  statement 2 (line 2): 42601 syntax error at or near \"return\"")
                    .contains("  statement 3 (line 3): 42601 syntax error at or near \"begin\"")
                    .contains("  statement 4 (line 7): 42883 function add_one(integer) does not exist");
            assertThat(documents()).containsExactly(json("{\"command\":\"SET\",\"rows_affected\":0}"));
        }
        assertThat(stderr()).doesNotContain("no value for").doesNotContain("Nothing was run");
    }

    // ---------------------------------------------------------------------------------------------------
    // 4. Timeouts

    @Test
    void theScriptsOwnStatementTimeoutCancelsEvenUnderPgdesksLongerDefault() throws Exception {
        long started = System.nanoTime();

        int status = run("--sql", "SET statement_timeout = 1000;\nSELECT pg_sleep(3);");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("ERROR 57014");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(documents()).containsExactly(json("{\"command\":\"SET\",\"rows_affected\":0}"));
        // The script's 1 s canceled it, not pgdesk's 30 s: raising --timeout would not help.
        assertThat(stderr()).doesNotContain("timeout of 30 s");
    }

    @Test
    void theScriptsOwnStatementTimeoutCancelsWithTimeoutZero() throws Exception {
        long started = System.nanoTime();

        int status = run("--sql", "SET statement_timeout = 1000;\nSELECT pg_sleep(3);", "--timeout", "0");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("ERROR 57014").contains("statement_timeout");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aShortTimeoutCancelsAfterAboutASecond() {
        long started = System.nanoTime();

        int status = run("--sql", "select pg_sleep(3)", "--timeout", "1");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("ERROR 57014").contains("timeout of 1 s");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2900));
    }

    @Test
    void aStatementRunsUnderTheShorterOfTheTwoTimeoutsAndTheScriptsValueIsPutBack() throws Exception {
        // The reading statements do not name the setting, so pgdesk's timeout applies around them.
        String current = "select setting from pg_settings where name = 'statement' || '_timeout';\n";
        String script = "set statement_timeout = '10s';\n" + current
                + "set statement_timeout = '1s';\n" + current
                + "show statement_timeout;\n";

        int status = run("--sql", script, "--timeout", "5");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        List<JsonNode> documents = documents();
        assertThat(documents.get(1))
                .as("pgdesk's 5 s under the script's 10 s")
                .isEqualTo(json("[{\"setting\":\"5000\"}]"));
        assertThat(documents.get(3))
                .as("the script's 1 s, never lengthened")
                .isEqualTo(json("[{\"setting\":\"1000\"}]"));
        assertThat(documents.get(4)).isEqualTo(json("[{\"statement_timeout\":\"1s\"}]"));
    }

    @Test
    void timeoutZeroLeavesTheSessionsStatementTimeoutAlone() throws Exception {
        String script = "select setting from pg_settings where name = 'statement' || '_timeout';\n";

        int status = run("--sql", script, "--timeout", "0");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents()).containsExactly(json("[{\"setting\":\"0\"}]"));
    }

    @Test
    void aRolesStatementTimeoutIsNeverLengthenedByTheDefaultTimeout() throws Exception {
        String role = schema + "_slow";
        String password = createRole(role, Map.of("statement_timeout", "1s"));
        long started = System.nanoTime();

        int status = runAs(role, password, "--sql", "select pg_sleep(3)");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("ERROR 57014");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        // The cancel came from the role's 1 s, not from pgdesk's 30 s: raising --timeout would not help.
        assertThat(stderr()).doesNotContain("timeout of 30 s");
    }

    @Test
    void aStatementTimeoutFromTheConnectionOptionsIsNeverLengthened() throws Exception {
        // The usage names options=-c ... as one source of the session's own statement_timeout.
        PgEnvironment environment =
                new PgEnvironment(Map.of("PGPASSWORD", TestServer.shared().password(TestServer.SUPERUSER)), home);
        QueryCommand command = new QueryCommand(List::of, environment, PasswordLookup.NONE);
        String target = target(TestServer.SUPERUSER) + "&options=-c%20statement_timeout%3D1000";

        int status = command.run(
                List.of(target, "--sql", "show statement_timeout"),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents()).containsExactly(json("[{\"statement_timeout\":\"1s\"}]"));
    }

    // ---------------------------------------------------------------------------------------------------
    // 5. Refused before anything is sent

    static Stream<Arguments> refusedScripts() {
        return Stream.of(
                Arguments.of("a NUL character in a string", "CREATE;\nselect 'a\0b';\n", 2, "NUL"),
                Arguments.of("a meta-command on its own line", "CREATE;\n\\set x 1\nselect 1;\n", 2, "\\set"),
                Arguments.of("a meta-command after ; on a line", "CREATE; \\copy made from stdin\n", 1, "\\copy"),
                Arguments.of("a meta-command ending a statement", "CREATE;\nselect 1 \\gx\n", 2, "\\gx"),
                Arguments.of("an unterminated string", "CREATE;\nselect 1;\nselect 'abc;\n", 3, "never closed"),
                Arguments.of("an unterminated quoted name", "CREATE;\nselect \"abc;\n", 2, "never closed"),
                Arguments.of("an unterminated dollar quote", "CREATE;\nselect $fn$ abc;\n", 2, "$fn$"),
                Arguments.of("an unterminated block comment", "CREATE;\nselect 1;\n/* open\n", 3, "/*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedScripts")
    void aScriptIsRefusedBeforeItsFirstStatementIsSent(String what, String template, int line, String named)
            throws Exception {
        String made = schema + ".made";
        String script = template.replace("CREATE;", "create table " + made + " (x int);");

        int status = run("--sql", script);

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("Line " + line + ": ").contains(named).contains("Nothing was run.");
        assertThat(stdout()).isEmpty();
        assertThat(tableExists(made)).as("the first statement's table").isFalse();
    }

    // ---------------------------------------------------------------------------------------------------
    // 6. --on-error

    @Test
    void continueRunsEveryStatementAndListsTheFailuresAtTheEnd() throws Exception {
        String t = schema + ".t";
        String script = "create table " + t + " (id int primary key);\n"
                + "insert into " + t + " values (1);\n"
                + "select * from " + schema + ".no_such_table;\n"
                + "insert into " + t + " values (1);\n"
                + "select count(*) as n from " + t + ";\n";

        int status = run("--sql", script, "--on-error", "continue");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(documents())
                .containsExactly(
                        json("{\"command\":\"CREATE TABLE\",\"rows_affected\":0}"),
                        json("{\"command\":\"INSERT\",\"rows_affected\":1}"),
                        json("[{\"n\":1}]"));
        List<String> lines = stderr().lines().toList();
        assertThat(lines).contains("ERROR 42P01: relation \"" + schema + ".no_such_table\" does not exist");
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR 23505: duplicate key value"));
        int summary = lines.indexOf("pgdesk query: 2 of 5 statements failed:");
        assertThat(summary).as(stderr()).isPositive();
        assertThat(lines.get(summary + 1))
                .isEqualTo("  statement 3 (line 3): 42P01 relation \"" + schema + ".no_such_table\" does not exist");
        assertThat(lines.get(summary + 2)).startsWith("  statement 4 (line 4): 23505 duplicate key value");
    }

    @Test
    void continueInsideATransactionBlockMeetsTheServersRefusalUntilTheBlockEnds() throws Exception {
        String t = schema + ".t";
        execute("create table " + t + " (id int primary key)");
        String script = "begin;\n"
                + "insert into " + t + " values (1);\n"
                + "select 1/0;\n"
                + "insert into " + t + " values (2);\n"
                + "commit;\n"
                + "insert into " + t + " values (3);\n";

        int status = run("--sql", script, "--on-error", "continue");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr())
                .contains("ERROR 22012: division by zero")
                .contains("ERROR 25P02: current transaction is aborted")
                .contains("pgdesk query: 2 of 6 statements failed:")
                .contains("  statement 3 (line 3): 22012 division by zero")
                .contains("  statement 4 (line 4): 25P02 current transaction is aborted");
        assertThat(documents()).hasSize(4).last().isEqualTo(json("{\"command\":\"INSERT\",\"rows_affected\":1}"));
        assertThat(count("select count(*) from " + t)).isOne();
        assertThat(count("select count(*) from " + t + " where id = 3")).isOne();
    }

    @Test
    void aLostConnectionStopsEvenUnderContinue() throws Exception {
        String made = schema + ".made_after";
        String script = "select 1 as one;\n"
                + "select pg_terminate_backend(pg_backend_pid());\n"
                + "create table " + made + " (x int);\n";

        int status = run("--sql", script, "--on-error", "continue");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr())
                .contains("the connection was lost during statement 2 of 3 (line 2)")
                .contains("the 1 statement after it did not run")
                .doesNotContain("statements failed:");
        assertThat(documents()).containsExactly(json("[{\"one\":1}]"));
        assertThat(tableExists(made)).isFalse();
    }

    @Test
    void stopIsTheDefaultAndAnUnknownOnErrorValueIsABadArgument() throws Exception {
        String made = schema + ".made";
        String script = "select 1/0;\ncreate table " + made + " (x int);\n";

        assertThat(run("--sql", script, "--on-error", "maybe")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("--on-error takes stop or continue, not 'maybe'");
        assertThat(run("--sql", script)).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(run("--sql", script, "--on-error", "stop")).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(tableExists(made)).isFalse();
    }

    @Test
    void runPassesOnErrorContinueToTheSavedQuery() throws Exception {
        TestServer server = TestServer.shared();
        String profileId = UUID.randomUUID().toString();
        List<ConnectionProfile> profiles = List.of(
                server.profile(TestServer.SUPERUSER).id(profileId).name("qss").build());
        SavedQueryStore store = new SavedQueryStore(home.resolve("config").resolve("saved-queries.json"));
        store.put(SavedQuery.create("two_steps", "", "select 1/0 as boom;\nselect 2 as two;", List.of(), profileId));
        PgEnvironment environment =
                new PgEnvironment(Map.of("PGPASSWORD", server.password(TestServer.SUPERUSER)), home);
        RunCommand command = new RunCommand(
                store, () -> profiles, new QueryCommand(() -> profiles, environment, PasswordLookup.NONE));

        int status = command.run(
                List.of("two_steps", "--on-error", "continue"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(documents()).containsExactly(json("[{\"two\":2}]"));
        assertThat(stderr())
                .contains("ERROR 22012: division by zero")
                .contains("pgdesk run: 1 of 2 statements failed:")
                .contains("  statement 1 (line 1): 22012 division by zero");
    }
}
