package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.testing.StatementLog;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The psql oracle: each script of {@code src/test/resources/dev/pgdesk/sql/corpus} runs through {@code pgdesk
 * query --file} against a server that logs every statement (csvlog, {@code log_statement = all}), and the
 * statements pgdesk sent must be the ones psql 15 sent for the same script ({@code NN-name.psql.json}, see the
 * corpus README).
 *
 * <p>Both lists are compared after {@link StatementLog#normalize}, leading comments and whitespace removed,
 * and empty entries dropped: psql sends the trailing {@code ;}, keeps a leading {@code /* *}{@code /} comment,
 * and sends a lone {@code ;} or a comment-only statement that pgdesk does not send (the server does nothing
 * with them). pgdesk's own statements, marked {@code /* pgdesk *}{@code /}, are left out of its list first.
 *
 * <p>{@code --on-error continue} mirrors psql's default of going on after an error; {@code --timeout 0} means
 * pgdesk puts no statement_timeout of its own around the script's statements.
 */
@Tag("server")
class PsqlCorpusTest {
    private static final String CORPUS = "/dev/pgdesk/sql/corpus";
    private static final String PGDESK_MARK = "/* pgdesk */";
    private static final Duration LOG_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static Path logDirectory;

    @TempDir
    Path home;

    @BeforeAll
    static void startServerThatLogsEveryStatement() {
        server = TestServer.startDedicated(
                "corpus",
                builder -> builder.setting("log_statement", "all")
                        .setting("log_destination", "csvlog")
                        .setting("logging_collector", "on")
                        // Relative to the data directory, which the server's own user (nobody, when tests run as
                        // root) can write.
                        .setting("log_directory", "log")
                        .setting("log_filename", "postgresql-%Y%m%d-%H%M%S.log")
                        .setting("log_rotation_age", "0")
                        .setting("log_rotation_size", "0")
                        .setting("log_min_error_statement", "error")
                        .setting("lc_messages", "C"));
        logDirectory = server.server().dataDirectory().resolve("log");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<String> scripts() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length()))
                    .sorted()
                    .toList();
            assertThat(names).hasSize(16);
            return names.stream();
        }
    }

    private static Path corpus() throws URISyntaxException {
        URL url = PsqlCorpusTest.class.getResource(CORPUS);
        assertThat(url).as(CORPUS + " on the test class path").isNotNull();
        return Path.of(url.toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void pgdeskSendsTheStatementsPsqlSends(String script) throws Exception {
        List<String> psql =
                JSON.readValue(corpus().resolve(script + ".psql.json").toFile(), new TypeReference<List<String>>() {});
        String application = "corpus" + script.substring(0, 2) + "-" + UUID.randomUUID();

        List<String> sent = runAndReadLog(script, application);

        List<String> internal =
                sent.stream().filter(s -> s.startsWith(PGDESK_MARK)).toList();
        // pgdesk reads the session's state when it takes the connection and after the run (what it set,
        // temporary tables, ...), and with --timeout 0 nothing else: never a SET or anything that changes it.
        assertThat(internal).as(script).allSatisfy(s -> assertThat(s).startsWith(PGDESK_MARK + " SELECT "));
        List<String> pgdesk = comparable(sent.stream()
                .filter(s -> !s.startsWith(PGDESK_MARK) && !isDriverStatement(s))
                .toList());

        if (script.startsWith("08-")) {
            // Deliberately unlike psql: psql sets up its lexer once per input line, so the same-line SET of
            // standard_conforming_strings applies to it only from the next line, and it sends "select 'a\'b;"
            // and then a long broken statement (see the corpus README). The issue ("scripts run exactly as
            // psql runs them") needs the script's own SET to apply in order, so pgdesk reads everything after
            // the SET, on the same line too, with the setting off: each statement runs as written.
            assertThat(comparable(psql)).as("psql's own reading").contains("select 'a\\'b");
            assertThat(pgdesk)
                    .as(script)
                    .containsExactly(
                            "create schema corpus_08",
                            "set search_path = corpus_08",
                            "create table t (v text)",
                            "set standard_conforming_strings = off",
                            "select 'a\\'b;' as x",
                            "select 2 as y",
                            "select 3 as z",
                            "insert into t values ('next line')",
                            "reset standard_conforming_strings",
                            "select v from t",
                            "drop schema corpus_08 cascade");
        } else {
            assertThat(pgdesk).as(script).containsExactlyElementsOf(comparable(psql));
        }
    }

    /** Runs the script through pgdesk and returns what the log says its connection sent, in order. */
    private List<String> runAndReadLog(String script, String application) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PgEnvironment environment =
                new PgEnvironment(Map.of("PGPASSWORD", server.password(TestServer.SUPERUSER)), home);
        QueryCommand command = new QueryCommand(List::of, environment, PasswordLookup.NONE);
        String target = "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/" + server.database()
                + "?application_name=" + application;

        int status = command.run(
                List.of(
                        target,
                        "--file",
                        corpus().resolve(script + ".sql").toString(),
                        "--on-error",
                        "continue",
                        "--timeout",
                        "0"),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String stderr = err.toString(StandardCharsets.UTF_8);
        // Some statements fail on purpose (exit 4); the run must neither be refused (2) nor lose its session (3).
        assertThat(status).as(stderr).isIn(ExitCodes.OK, ExitCodes.SQL_ERROR);
        sendMarker(application + "-end");
        return StatementLog.statements(logDirectory, application);
    }

    /**
     * Runs a statement as {@code marker} on a connection of its own and waits until the log shows it: the
     * server logs through one collector in the order it received the messages, so everything pgdesk's
     * connection logged before is in the files then.
     */
    private static void sendMarker(String marker) throws SQLException, IOException, InterruptedException {
        Properties properties = new Properties();
        properties.setProperty("user", TestServer.SUPERUSER);
        properties.setProperty("password", server.password(TestServer.SUPERUSER));
        properties.setProperty("sslmode", "prefer");
        properties.setProperty("ApplicationName", marker);
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestServer.HOST + ":" + server.port() + "/" + server.database(),
                        properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 'end of the run'");
        }
        // The collector writes the marker's line to a file of the log directory: each change of that directory
        // wakes this wait, which ends as soon as the line is there.
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        try (WatchService watcher = logDirectory.getFileSystem().newWatchService()) {
            logDirectory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (StatementLog.statements(logDirectory, marker).isEmpty()) {
                long left = deadline - System.nanoTime();
                assertThat(left)
                        .as("the marker statement reaches the server log within " + LOG_WAIT.toSeconds() + " s")
                        .isPositive();
                WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    /**
     * Statements the connection pool and the driver send on the script's connection on their own, unmarked:
     * HikariCP asks the default isolation level when it opens the pool; pgjdbc reads column metadata (for
     * {@code ResultSetMetaData.getColumnTypeName}, which asks whether a table column is auto-incremented) and
     * looks up types it does not know (arrays, enums, domains). None is a statement of the script, and none
     * changes the session.
     */
    static boolean isDriverStatement(String statement) {
        return statement.equals("SHOW TRANSACTION ISOLATION LEVEL")
                || statement.startsWith("SELECT c.oid, a.attnum, a.attname, c.relname, n.nspname, a.attnotnull")
                || statement.startsWith("SELECT n.nspname = ANY(current_schemas(true)), n.nspname, t.typname"
                        + " FROM pg_catalog.pg_type t")
                || statement.startsWith("SELECT typinput='pg_catalog.array_in'::regproc as is_array, typtype,"
                        + " typname, pg_type.oid ");
    }

    /**
     * Each statement normalised for comparing: {@link StatementLog#normalize}, then leading comments and
     * whitespace removed; statements left empty (a lone {@code ;}, a comment only) dropped.
     */
    static List<String> comparable(List<String> statements) {
        List<String> result = new ArrayList<>();
        for (String statement : statements) {
            String text = withoutLeadingComments(StatementLog.normalize(statement));
            if (!text.isEmpty()) {
                result.add(text);
            }
        }
        return result;
    }

    /** Removes leading whitespace, {@code --} comment lines and (nested) {@code /* *}{@code /} comments. */
    static String withoutLeadingComments(String statement) {
        int i = 0;
        int length = statement.length();
        while (i < length) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int depth = 0;
                while (i < length) {
                    if (statement.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (statement.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        return statement.substring(i);
    }
}
