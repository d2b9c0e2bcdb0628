package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password prompt against the real server's {@code alice}, whose SCRAM password no source gives here:
 * an empty home (no ~/.pgpass), no PGPASSWORD, no keyring.
 */
@Tag("server")
class PasswordPromptTest {
    private static final String USER = "alice";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    /** Answers with a fixed password and remembers every question. */
    private static final class RecordingPrompt implements PasswordPrompt {
        private final String answer;
        private final List<String> asked = new ArrayList<>();

        RecordingPrompt(String answer) {
            this.answer = answer;
        }

        @Override
        public Optional<String> ask(String target) {
            asked.add(target);
            return Optional.of(answer);
        }
    }

    private static String target() {
        TestServer server = TestServer.shared();
        return "postgresql://" + USER + "@localhost:" + server.port() + "/" + server.database();
    }

    private static String displayTarget() {
        TestServer server = TestServer.shared();
        return USER + "@localhost:" + server.port() + "/" + server.database();
    }

    private static String alicesPassword() {
        return TestServer.shared().password(USER);
    }

    private TargetResolver targets(Map<String, String> environment, PasswordPrompt prompt) {
        return new TargetResolver(List::of, new PgEnvironment(environment, home), PasswordLookup.NONE)
                .withPrompt(prompt);
    }

    private int query(TargetResolver targets, String... args) {
        List<String> arguments = new ArrayList<>(List.of(target(), "--sql", "SELECT current_user AS who"));
        arguments.addAll(List.of(args));
        return new QueryCommand(targets, () -> false, false)
                .run(arguments, InputStream.nullInputStream(), stdout(), stderr());
    }

    private PrintStream stdout() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theServerDemandingAPasswordNoSourceGaveGetsTheTypedOneAskedOnce() {
        RecordingPrompt prompt = new RecordingPrompt(alicesPassword());

        int status = query(targets(Map.of(), prompt));

        assertThat(status).as(errText()).isEqualTo(ExitCodes.OK);
        assertThat(prompt.asked).containsExactly(displayTarget());
        assertThat(outText()).contains("\"who\":\"alice\"");
    }

    @Test
    void withNobodyToAskTheFailureSaysWhereAPasswordCanComeFrom() {
        int status = query(targets(Map.of(), PasswordPrompt.NEVER));

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(errText())
                .startsWith("pgdesk query: could not connect to " + displayTarget() + ": Password required")
                .contains("keyring", "~/.pgpass", "PGPASSWORD")
                .doesNotContain("Exception", "org.postgresql", "\tat ");
        assertThat(outText()).isEmpty();
    }

    @Test
    void noPasswordNeverAsksEvenWithSomeoneAtTheTerminal() {
        RecordingPrompt prompt = new RecordingPrompt(alicesPassword());

        int status = query(targets(Map.of(), prompt), "--no-password");

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(prompt.asked).isEmpty();
        assertThat(errText()).contains("PGPASSWORD");
    }

    @Test
    void aPasswordFromTheEnvironmentIsUsedWithoutAsking() {
        RecordingPrompt prompt = new RecordingPrompt("never used");

        int status = query(targets(Map.of("PGPASSWORD", alicesPassword()), prompt));

        assertThat(status).as(errText()).isEqualTo(ExitCodes.OK);
        assertThat(prompt.asked).isEmpty();
    }

    @Test
    void aWronglyTypedPasswordIsAConnectionFailureAskedOnlyOnce() {
        RecordingPrompt prompt = new RecordingPrompt("not alice's password");

        int status = query(targets(Map.of(), prompt));

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(prompt.asked).hasSize(1);
        assertThat(errText()).contains("28P01").doesNotContain("Exception");
    }

    @Test
    void testConnectionAsksTooAndReportsTheSuccess() throws Exception {
        RecordingPrompt prompt = new RecordingPrompt(alicesPassword());

        int status = new TestConnectionCommand(targets(Map.of(), prompt), new ConnectionTester())
                .run(List.of(target()), stdout(), stderr());

        assertThat(status).as(outText()).isEqualTo(ExitCodes.OK);
        assertThat(prompt.asked).containsExactly(displayTarget());
        assertThat(outText()).contains("Connection succeeded.");
    }

    @Test
    void testConnectionWithoutATerminalAdvisesTheCommandLinesPasswordSources() throws Exception {
        int status = new TestConnectionCommand(targets(Map.of(), PasswordPrompt.NEVER), new ConnectionTester())
                .run(List.of(target(), "--no-password"), stdout(), stderr());

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(outText()).contains("Password required").contains("~/.pgpass", "PGPASSWORD");
    }

    @Test
    void runAsksForThePasswordOfTheTargetItRunsAgainst() throws IOException {
        SavedQueryStore store = new SavedQueryStore(home.resolve("saved-queries.json"));
        store.put(SavedQuery.create("whoami", "", "SELECT current_user AS who", List.of(), null));
        RecordingPrompt prompt = new RecordingPrompt(alicesPassword());
        QueryCommand query = new QueryCommand(targets(Map.of(), prompt), () -> false, false);

        int status = new RunCommand(store, List::of, query).run(List.of("whoami", target()), stdout(), stderr());

        assertThat(status).as(errText()).isEqualTo(ExitCodes.OK);
        assertThat(prompt.asked).containsExactly(displayTarget());
        assertThat(outText()).contains("\"who\":\"alice\"");
    }

    @Test
    void everyOtherConnectingCommandTakesNoPasswordAndFailsWithTheAdvice() throws Exception {
        Map<String, Function<TargetResolver, CliCommand>> commands = Map.of(
                "ddl", DdlCommand::new,
                "explain", ExplainCommand::new,
                "activity", ActivityCommand::new,
                "slow-queries", SlowQueriesCommand::new);
        Map<String, List<String>> extra = Map.of(
                "ddl", List.of("pg_class"),
                "explain", List.of("--sql", "SELECT 1"),
                "activity", List.of(),
                "slow-queries", List.of());
        for (Map.Entry<String, Function<TargetResolver, CliCommand>> command : commands.entrySet()) {
            RecordingPrompt prompt = new RecordingPrompt(alicesPassword());
            err.reset();
            List<String> arguments = new ArrayList<>(List.of(target()));
            arguments.addAll(extra.get(command.getKey()));
            arguments.add("--no-password");

            int status = command.getValue().apply(targets(Map.of(), prompt)).run(arguments, stdout(), stderr());

            assertThat(status).as(command.getKey() + ": " + errText()).isEqualTo(ExitCodes.CONNECTION_FAILED);
            assertThat(prompt.asked).as(command.getKey()).isEmpty();
            assertThat(errText())
                    .as(command.getKey())
                    .startsWith("pgdesk " + command.getKey() + ": could not connect")
                    .contains("PGPASSWORD");
        }
    }

    @Test
    void everyOtherConnectingCommandAsksWhenAllowed() throws Exception {
        Map<String, Function<TargetResolver, CliCommand>> commands = Map.of(
                "ddl", DdlCommand::new,
                "explain", ExplainCommand::new,
                "activity", ActivityCommand::new);
        Map<String, List<String>> extra = Map.of(
                "ddl", List.of("pg_catalog.pg_class"), "explain", List.of("--sql", "SELECT 1"), "activity", List.of());
        for (Map.Entry<String, Function<TargetResolver, CliCommand>> command : commands.entrySet()) {
            RecordingPrompt prompt = new RecordingPrompt(alicesPassword());
            err.reset();
            List<String> arguments = new ArrayList<>(List.of(target()));
            arguments.addAll(extra.get(command.getKey()));

            int status = command.getValue().apply(targets(Map.of(), prompt)).run(arguments, stdout(), stderr());

            assertThat(status).as(command.getKey() + ": " + errText()).isEqualTo(ExitCodes.OK);
            assertThat(prompt.asked).as(command.getKey()).containsExactly(displayTarget());
        }
    }
}
