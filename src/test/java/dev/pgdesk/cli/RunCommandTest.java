package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk run} and {@code pgdesk saved} against the real test server, with an empty home. */
@Tag("server")
class RunCommandTest {
    private static final String PROFILE_ID = "11111111-2222-3333-4444-555555555555";
    private static final String PROFILE_NAME = "testdb";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    private SavedQueryStore store;
    private List<ConnectionProfile> profiles;

    @BeforeEach
    void saveQueries() throws IOException {
        TestServer server = TestServer.shared();
        profiles = List.of(server.profile(TestServer.SUPERUSER)
                .id(PROFILE_ID)
                .name(PROFILE_NAME)
                .build());
        store = new SavedQueryStore(home.resolve("config").resolve("saved-queries.json"));
        store.put(SavedQuery.create(
                "daily_report",
                "The day and the next",
                "SELECT :day::date AS day, (:day::date + 1) AS next_day",
                List.of(new SavedParameter("day", "2026-11-21", "date")),
                PROFILE_ID));
        store.put(SavedQuery.create(
                "doubled", "", "SELECT $1::int * 2 AS doubled", List.of(SavedParameter.required("$1")), null));
        store.put(SavedQuery.create(
                "gap",
                "",
                "SELECT $1::int + $3::int AS total",
                List.of(
                        SavedParameter.withDefault("$1", "1"),
                        SavedParameter.withDefault("$3", "2"),
                        SavedParameter.withDefault("$5", "unused")),
                null));
        store.put(SavedQuery.create("undeclared", "", "SELECT :day::date AS day", List.of(), null));
        store.put(SavedQuery.create("broken", "", "SELECT * FROM no_such_table_for_run", List.of(), PROFILE_ID));
    }

    private int runWithPassword(String password, String... args) {
        PgEnvironment environment = new PgEnvironment(Map.of("PGPASSWORD", password), home);
        QueryCommand query = new QueryCommand(() -> profiles, environment, PasswordLookup.NONE);
        RunCommand command = new RunCommand(store, () -> profiles, query);
        return command.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return runWithPassword(TestServer.shared().password(TestServer.SUPERUSER), args);
    }

    private List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : stdout().split("\n")) {
            if (!line.isBlank()) {
                documents.add(json.readTree(line));
            }
        }
        return documents;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSavedQueryRunsAgainstItsProfileWithTheDefaultValue() throws IOException {
        int status = run("daily_report");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        JsonNode row = documents().get(0).get(0);
        assertThat(row.get("day").textValue()).isEqualTo("2026-11-21");
        assertThat(row.get("next_day").textValue()).isEqualTo("2026-11-22");
    }

    @Test
    void aParamOverridesTheSavedDefault() throws IOException {
        int status = run("daily_report", "--param", "day=2026-11-22");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get(0).get("next_day").textValue()).isEqualTo("2026-11-23");
    }

    @Test
    void aNullParamMakesTheParameterNull() throws IOException {
        int status = run("daily_report", "--null-param", "day");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get(0).get("day").isNull()).isTrue();
    }

    @Test
    void positionsTheSqlSkipsAndParametersItNoLongerUsesAreLeftOut() throws IOException {
        int status = run("gap", "--profile", PROFILE_NAME, "--param", "$3=40", "--format", "jsonl");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get("total").intValue()).isEqualTo(41);
    }

    @Test
    void aParameterTheSqlUsesButTheSavedQueryDoesNotListIsABadArgument() {
        int status = run("undeclared", "--profile", PROFILE_NAME);

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("uses :day, which the saved query does not list");
    }

    @Test
    void csvGoesToTheOutputFile() throws IOException {
        Path report = home.resolve("report.csv");

        int status = run("daily_report", "--param", "day=2026-11-22", "--format", "csv", "--output", report.toString());

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).isEqualTo("day,next_day\n2026-11-22,2026-11-23\n");
    }

    @Test
    void everyFormatWritesTheSavedQuerysRowsToStdout() throws IOException {
        Map<String, String> expected = Map.of(
                "json", "[{\"day\":\"2026-11-22\",\"next_day\":\"2026-11-23\"}]\n",
                "jsonl", "{\"day\":\"2026-11-22\",\"next_day\":\"2026-11-23\"}\n",
                "csv", "day,next_day\n2026-11-22,2026-11-23\n");
        for (Map.Entry<String, String> format : expected.entrySet()) {
            out.reset();

            int status = run("daily_report", "--param", "day=2026-11-22", "--format", format.getKey());

            assertThat(status).as(format.getKey() + ": " + stderr()).isEqualTo(ExitCodes.OK);
            assertThat(stdout()).as(format.getKey()).isEqualTo(format.getValue());
        }
        out.reset();
        assertThat(run("daily_report", "--param", "day=2026-11-22", "--format", "table"))
                .isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("day", "next_day", "2026-11-22 | 2026-11-23", "(1 row)");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void everyFileFormatGoesToTheOutputFileAndRunNamesItselfInTheReport() throws IOException {
        for (String extension : List.of("json", "jsonl", "csv")) {
            Path file = home.resolve("report." + extension);

            int status = run("daily_report", "--output", file.toString());

            assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(file))
                    .as(extension)
                    .contains("2026-11-21")
                    .contains("2026-11-22");
        }
        assertThat(new ObjectMapper()
                        .readTree(home.resolve("report.json").toFile())
                        .get(0)
                        .get("day")
                        .asText())
                .isEqualTo("2026-11-21");
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("pgdesk run: wrote 1 row (").doesNotContain("pgdesk query");
    }

    @Test
    void aGlobalQueryRunsAgainstTheGivenTargetWithAPositionalParameter() throws IOException {
        TestServer server = TestServer.shared();
        String uri = "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/" + server.database();

        int status = run("doubled", uri, "--param", "$1=21", "--format", "jsonl");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get("doubled").intValue()).isEqualTo(42);
    }

    @Test
    void aGlobalQueryRunsAgainstAProfileNamedWithProfile() throws IOException {
        int status = run("doubled", "--profile", PROFILE_NAME, "--param", "1=5", "--format", "jsonl");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get("doubled").intValue()).isEqualTo(10);
    }

    @Test
    void aBadOptionForTheQueryIsReportedUnderTheNameOfRun() {
        int status = run("daily_report", "--format", "xml");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).startsWith("pgdesk run: ").contains("'pgdesk run --help'");
    }

    @Test
    void aMissingSavedQueryIsABadArgumentThatListsTheSavedOnes() {
        int status = run("no_such_query");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr())
                .isEqualTo("pgdesk run: no saved query 'no_such_query'; the saved queries are broken, daily_report,"
                        + " doubled, gap, undeclared ('pgdesk saved list' shows them in full)\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingSavedQueryWhenNoneAreSavedSaysWhereToSaveOne() {
        store = new SavedQueryStore(home.resolve("empty").resolve("saved-queries.json"));

        int status = run("daily_report");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("no saved query 'daily_report'; there are no saved queries yet");
    }

    @Test
    void anOverrideOfAnUnknownParameterNamesTheKnownOnes() {
        int status = run("daily_report", "--param", "dya=2026-11-22");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("has no parameter 'dya'; its parameters are day");
    }

    @Test
    void aParameterWithoutDefaultMustBeGiven() {
        int status = run("doubled", "--profile", PROFILE_NAME);

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("has no default for $1");
    }

    @Test
    void aGlobalQueryWithoutTargetIsABadArgument() {
        int status = run("doubled", "--param", "$1=1");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("'doubled' is a global saved query: give a target");
    }

    @Test
    void aWrongPasswordIsAConnectionFailure() {
        int status = runWithPassword("wrong-password", "daily_report");

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr()).startsWith("pgdesk run: could not connect").contains("password");
    }

    @Test
    void anSqlErrorExitsWithTheSqlErrorCode() {
        int status = run("broken");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("no_such_table_for_run").doesNotContain("pgdesk query");
    }

    @Test
    void savedListShowsNameScopeDescriptionAndParameters() throws Exception {
        SavedCommand command = new SavedCommand(store, () -> profiles);
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(command.run(List.of("list"), stdout, stderr)).isEqualTo(ExitCodes.OK);
        assertThat(stdout())
                .contains("daily_report  (profile testdb)  The day and the next")
                .contains("parameters: day date = 2026-11-21")
                .contains("doubled  (global)")
                .contains("parameters: $1 (required)");

        out.reset();
        assertThat(command.run(List.of("list", "--json"), stdout, stderr)).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("queries")).hasSize(5);
        assertThat(json.get("queries").get(1).get("profile").textValue()).isEqualTo(PROFILE_NAME);

        out.reset();
        assertThat(command.run(List.of("show", "doubled"), stdout, stderr)).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("SELECT $1::int * 2 AS doubled");
        assertThat(command.run(List.of("show", "nothing"), stdout, stderr)).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("no saved query 'nothing'");
    }

    @Test
    void profileNamesAreMatchedInAnyLetterCaseAsTargetsAre() throws IOException {
        int byProfile = run("daily_report", "--profile", PROFILE_NAME.toUpperCase(Locale.ROOT), "--format", "jsonl");

        assertThat(byProfile).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get("day").textValue()).isEqualTo("2026-11-21");

        out.reset();
        int byTarget = run("daily_report", "TestDB", "--format", "jsonl");

        assertThat(byTarget).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get("day").textValue()).isEqualTo("2026-11-21");
    }

    @Test
    void savedShowWithAnUnknownProfileSaysTheProfileIsUnknownNotTheQuery() {
        SavedCommand command = new SavedCommand(store, () -> profiles);
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

        int status = command.run(List.of("show", "daily_report", "--profile", "NoSuch"), stdout, stderr);

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr())
                .contains("no saved profile named 'NoSuch'")
                .contains(PROFILE_NAME)
                .doesNotContain("no saved query");
        assertThat(stdout()).isEmpty();

        err.reset();
        assertThat(command.run(List.of("show", "daily_report", "--profile", "TESTDB"), stdout, stderr))
                .as(stderr())
                .isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains(":day::date");
    }

    @Test
    void everyCommandHasHelp() {
        PgdeskCli cli = new PgdeskCli();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(cli.run(List.of("run", "--help"), stdout, stderr)).isEqualTo(ExitCodes.OK);
        assertThat(cli.run(List.of("saved", "--help"), stdout, stderr)).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("Usage: pgdesk run <saved-query>").contains("Usage: pgdesk saved list");
    }
}
