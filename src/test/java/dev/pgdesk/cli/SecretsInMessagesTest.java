package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No message of pgdesk ever shows a password: every way a user mistypes a target that holds one, given to the
 * commands that take a target, run as real processes with the most talkative log level. Standard error is the
 * log (it is where a scheduler's log file gets pgdesk's messages and its logging); neither it nor standard output
 * may hold any piece of the password. The password, {@value #SECRET}, is not alice's, so the targets that
 * connect fail at the server.
 */
@Tag("server")
class SecretsInMessagesTest {
    private static final String SECRET = "SECRET";

    @TempDir
    Path home;

    private CliRun pgdesk;

    @BeforeEach
    void prepare() throws IOException {
        pgdesk = new CliRun(home).env("PGDESK_LOG_LEVEL", "debug");
        // pgdesk run resolves its target only for a saved query that exists.
        new SavedQueryStore(new AppDirectories(home.resolve("config").resolve("pgdesk"), home.resolve("data"))
                        .savedQueriesFile())
                .put(SavedQuery.create("one", "", "SELECT 1 AS one", List.of(), null));
    }

    /** Targets as users mistype them; each holds the password (or a piece of it) somewhere. */
    static List<String> targets() {
        int port = TestServer.shared().port();
        String db = TestServer.DATABASE;
        return List.of(
                "postgresql://alice:" + SECRET + "@localhost:" + port + "/" + db,
                "postgres-ql://alice:" + SECRET + "@localhost:" + port + "/" + db,
                "postgresql://alice:" + SECRET + "@[::1",
                "postgresql://alice:" + SECRET + "/" + db,
                "host=localhost port=" + port + " dbname=" + db + " user=alice password=" + SECRET,
                "host=localhost port=" + port + " user=alice password='SE CRET",
                "jdbc:postgresql://localhost:" + port + "/" + db + "?user=alice&password=" + SECRET,
                "postgresql://alice@localhost:" + port + "/" + db + "?password=" + SECRET + "&sslmode=prefer",
                "postgresql://alice@localhost:" + port + "/" + db + "?password=" + SECRET + "&sslmode=bogus",
                "postgresql://alice:SE%ZZCRET@localhost:" + port + "/" + db,
                "postgresql://alice:%53%45%43%52%45%54@localhost:" + port + "/" + db);
    }

    /** Each target with {@code pgdesk query}; three telling ones with every other command that takes a target. */
    static Stream<Arguments> invocations() {
        List<Arguments> invocations = new ArrayList<>();
        List<String> targets = targets();
        for (String target : targets) {
            invocations.add(Arguments.of(List.of("query", target, "--sql", "SELECT 1", "--no-password")));
        }
        for (String target : List.of(targets.get(0), targets.get(1), targets.get(2))) {
            invocations.add(Arguments.of(List.of("conninfo", target)));
            invocations.add(Arguments.of(List.of("test-connection", target, "--no-password")));
            invocations.add(Arguments.of(List.of("run", "one", target, "--no-password")));
            invocations.add(Arguments.of(List.of("activity", target, "--no-password")));
            invocations.add(Arguments.of(List.of("slow-queries", target, "--no-password")));
            invocations.add(Arguments.of(List.of("ddl", target, "pg_class", "--no-password")));
            invocations.add(Arguments.of(List.of("explain", target, "--sql", "SELECT 1", "--no-password")));
        }
        return invocations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    void noMessageAndNoLogLineHoldsThePassword(List<String> args) throws Exception {
        CliRun.Result result = pgdesk.run(args.toArray(String[]::new));

        if (args.get(0).equals("conninfo")) {
            // It shows what a target resolves to without connecting: a well-formed one succeeds.
            assertThat(result.status()).as(result.stderr()).isIn(ExitCodes.OK, ExitCodes.BAD_ARGUMENTS);
        } else {
            assertThat(result.status()).as(result.stderr()).isIn(ExitCodes.BAD_ARGUMENTS, ExitCodes.CONNECTION_FAILED);
        }
        if (result.status() != ExitCodes.OK) {
            assertThat(result.stderr()).as("stderr of a failed run").isNotBlank();
        }
        for (String piece : List.of(SECRET, "CRET")) {
            assertThat(result.stderr()).as("stderr").doesNotContain(piece);
            assertThat(result.stdout()).as("stdout").doesNotContain(piece);
        }
    }

    @Test
    void aJdbcUrlIsExplainedWithTheLibpqFormToUseInstead() throws Exception {
        int port = TestServer.shared().port();
        CliRun.Result result =
                pgdesk.run("query", "jdbc:postgresql://localhost:" + port + "/pgdesk_test", "--sql", "SELECT 1");

        assertThat(result.status()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(result.stderr())
                .startsWith("pgdesk query: \"jdbc:postgresql://localhost:" + port + "/pgdesk_test\" is a JDBC URL")
                .contains("drop the \"jdbc:\" prefix (\"postgresql://localhost:" + port + "/pgdesk_test\")")
                .doesNotContain("Exception");
    }

    @Test
    void aFailedConnectionStillNamesTheTargetAndTheReason() throws Exception {
        CliRun.Result result = pgdesk.run("query", targets().get(0), "--sql", "SELECT 1");

        assertThat(result.status()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(result.stderr())
                .contains("could not connect to alice@localhost:"
                        + TestServer.shared().port() + "/pgdesk_test")
                .contains("SQLSTATE 28P01");
    }

    @Test
    void aServerErrorQuotingAConnectionStringShowsNoPasswordAndTheCaretStillPointsAtTheValue() throws Exception {
        TestServer server = TestServer.shared();
        CliRun.Result result = pgdesk.env("PGPASSWORD", server.password(TestServer.SUPERUSER))
                .run(
                        "query",
                        "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/"
                                + server.database(),
                        "--sql",
                        "SELECT 'postgresql://alice:" + SECRET + "@h/db'::int");

        assertThat(result.status()).as(result.stderr()).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(result.stderr())
                .contains("ERROR 22P02: invalid input syntax for type integer: \"postgresql://alice:********@h/db\"")
                .contains("LINE 1: SELECT 'postgresql://alice:********@h/db'::int\n" + " ".repeat(15) + "^")
                .doesNotContain(SECRET);
    }
}
