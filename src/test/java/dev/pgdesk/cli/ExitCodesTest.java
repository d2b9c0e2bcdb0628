package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each exit status a scheduler can act on, produced by a real situation against the real server, with the
 * plain-words message that goes with it on stderr and nothing on stdout for a failure.
 */
@Tag("server")
class ExitCodesTest {
    @TempDir
    static Path home;

    /** What one command run printed and returned. */
    private record Outcome(int status, String stdout, String stderr) {}

    /** One situation: the command, its arguments after the target, and the password in PGPASSWORD. */
    private interface Situation {
        Outcome run() throws Exception;
    }

    private static String uri(String database) {
        return "postgresql://" + TestServer.SUPERUSER + "@localhost:"
                + TestServer.shared().port() + "/" + database;
    }

    private static Outcome run(CliCommand command, List<String> arguments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                arguments,
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static TargetResolver targets(String password) {
        return new TargetResolver(
                List::of, new PgEnvironment(Map.of("PGPASSWORD", password), home), PasswordLookup.NONE);
    }

    private static String superuserPassword() {
        return TestServer.shared().password(TestServer.SUPERUSER);
    }

    private static Situation query(String password, String target, String... args) {
        return () -> {
            List<String> arguments = new ArrayList<>(List.of(target));
            arguments.addAll(List.of(args));
            return run(new QueryCommand(targets(password), () -> false, false), arguments);
        };
    }

    private static Situation missingSavedQuery() {
        return () -> {
            SavedQueryStore store = new SavedQueryStore(home.resolve("saved-queries.json"));
            store.put(SavedQuery.create("daily_report", "", "SELECT 1", List.of(), null));
            QueryCommand query = new QueryCommand(targets(superuserPassword()), () -> false, false);
            return run(new RunCommand(store, List::of, query), List.of("weekly_report", uri("postgres")));
        };
    }

    private static Situation slowQueriesWithoutTheExtension() {
        return () -> run(new SlowQueriesCommand(targets(superuserPassword())), List.of(uri("postgres")));
    }

    static Stream<Arguments> situations() {
        String database = TestServer.shared().database();
        return Stream.of(
                Arguments.of(
                        "a statement that runs",
                        ExitCodes.OK,
                        query(superuserPassword(), uri(database), "--sql", "SELECT 1 AS one"),
                        ""),
                Arguments.of(
                        "an output file that cannot be written",
                        ExitCodes.FAILURE,
                        query(
                                superuserPassword(),
                                uri(database),
                                "--sql",
                                "SELECT 1 AS one",
                                "--output",
                                home.resolve("no-such-directory")
                                        .resolve("rows.csv")
                                        .toString()),
                        "pgdesk query: cannot write "),
                Arguments.of(
                        "a port that is not a number",
                        ExitCodes.BAD_ARGUMENTS,
                        query(superuserPassword(), "postgresql://localhost:notaport/db", "--sql", "SELECT 1"),
                        "pgdesk query: "),
                Arguments.of(
                        "a wrong password",
                        ExitCodes.CONNECTION_FAILED,
                        query("not-the-password", uri(database), "--sql", "SELECT 1"),
                        "pgdesk query: could not connect to "),
                Arguments.of(
                        "a table that does not exist",
                        ExitCodes.SQL_ERROR,
                        query(superuserPassword(), uri(database), "--sql", "SELECT * FROM no_such_table_here"),
                        "ERROR 42P01: relation \"no_such_table_here\" does not exist"),
                Arguments.of(
                        "pg_stat_statements not installed",
                        ExitCodes.NOT_AVAILABLE,
                        slowQueriesWithoutTheExtension(),
                        "CREATE EXTENSION pg_stat_statements"),
                Arguments.of(
                        "a saved query that does not exist",
                        ExitCodes.BAD_ARGUMENTS,
                        missingSavedQuery(),
                        "pgdesk run: no saved query 'weekly_report'; the saved queries are daily_report"));
    }

    @ParameterizedTest(name = "{0} exits with {1}")
    @MethodSource("situations")
    void eachSituationExitsWithItsOwnStatusAndSaysWhyInPlainWords(
            String situation, int expected, Situation command, String message) throws Exception {
        Outcome outcome = command.run();

        assertThat(outcome.status()).as(situation + "\n" + outcome.stderr()).isEqualTo(expected);
        assertThat(outcome.stderr()).as(situation).contains(message);
        assertThat(outcome.stderr())
                .as(situation + ": no stack trace or Java class names")
                .doesNotContain("Exception", "\tat ", "org.postgresql", "java.");
        if (expected != ExitCodes.OK) {
            assertThat(outcome.stdout()).as(situation).isEmpty();
        }
    }

    @Test
    void everyExitCodeHasASituationAbove() throws IllegalAccessException {
        List<Integer> codes = new ArrayList<>();
        for (Field field : ExitCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                codes.add(field.getInt(null));
            }
        }
        List<Integer> covered =
                situations().map(arguments -> (Integer) arguments.get()[1]).toList();

        assertThat(covered).containsAll(codes);
        assertThat(codes).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aMalformedPortIsNamedWithTheReasonUnlessItCouldBeAMistypedPassword() throws Exception {
        Outcome shortTypo = query(superuserPassword(), "postgresql://localhost:54x2/db", "--sql", "SELECT 1")
                .run();
        // user:password without the @host looks exactly like host:port, so a long "port" is hidden.
        Outcome couldBeAPassword = query(superuserPassword(), "postgresql://localhost:notaport/db", "--sql", "SELECT 1")
                .run();

        assertThat(shortTypo.status()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(shortTypo.stderr()).contains("54x2").containsIgnoringCase("port");
        assertThat(shortTypo.stderr().lines()).hasSize(1);
        assertThat(couldBeAPassword.status()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(couldBeAPassword.stderr())
                .containsIgnoringCase("invalid port")
                .doesNotContain("notaport");
        assertThat(couldBeAPassword.stderr().lines()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsExplainedInPlainWordsWithWhatToDo() throws Exception {
        Outcome outcome = query("not-the-password", uri(TestServer.shared().database()), "--sql", "SELECT 1")
                .run();

        assertThat(outcome.status()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(outcome.stderr())
                .contains("could not connect to postgres@localhost:")
                .contains("28P01")
                .contains("What to do:")
                .doesNotContain("Exception", "org.postgresql");
    }
}
