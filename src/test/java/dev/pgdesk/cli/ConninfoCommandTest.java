package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConninfoCommandTest {
    @TempDir
    Path home;

    private final Map<String, String> variables = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final ConnectionProfile PROD = ConnectionProfile.builder()
            .name("Production")
            .host("prod.example.com")
            .database("sales")
            .user("alice")
            .passwordStorage(PasswordStorage.KEYRING)
            .build();

    private int run(PasswordLookup lookup, String... args) {
        ConninfoCommand command = new ConninfoCommand(() -> List.of(PROD), new PgEnvironment(variables, home), lookup);
        return command.run(List.of(args), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }

    @Test
    void printsEachSettingWithItsSourceAsAnAlignedTable() {
        variables.put("PGPORT", "6000");

        int status = run(PasswordLookup.NONE, "postgresql://bob@db.example.com/orders");

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(err()).isEmpty();
        List<String> lines = lines(out());
        assertThat(lines.get(0)).matches("setting +value +source");
        assertThat(lines).anyMatch(l -> l.matches("host +db\\.example\\.com +argument"));
        assertThat(lines).anyMatch(l -> l.matches("port +6000 +environment"));
        assertThat(lines).anyMatch(l -> l.matches("sslmode +prefer +default"));
        assertThat(lines).anyMatch(l -> l.matches("sslrootcert +\\(not set\\) +default"));
        assertThat(lines).anyMatch(l -> l.matches("password +not found +none"));
        int sourceColumn = lines.get(0).indexOf("source");
        assertThat(lines.subList(1, 12))
                .allSatisfy(line -> assertThat(line.charAt(sourceColumn - 1)).isEqualTo(' '));
        assertThat(lines.subList(1, 12))
                .allSatisfy(line -> assertThat(line.charAt(sourceColumn)).isNotEqualTo(' '));
    }

    @Test
    void saysWhereThePasswordWasFoundButNeverPrintsIt() {
        variables.put("PGPASSWORD", "hunter2");

        int status = run(PasswordLookup.NONE, "host=db.example.com");

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(lines(out())).anyMatch(l -> l.matches("password +found +environment"));
        assertThat(out() + err()).doesNotContain("hunter2");
    }

    @Test
    void passwordInTheUriIsNeverPrintedEitherInJson() {
        int status = run(PasswordLookup.NONE, "postgresql://u:Sup3rSecret@h/db", "--json");

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out() + err()).doesNotContain("Sup3rSecret");
    }

    @Test
    void jsonOutputHasValueAndSourceForEachSetting() throws IOException {
        int status = run(p -> Optional.of("from-keyring"), "production", "--json");

        assertThat(status).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("host").get("value").textValue()).isEqualTo("prod.example.com");
        assertThat(json.get("host").get("source").textValue()).isEqualTo("profile");
        assertThat(json.get("port").get("value").intValue()).isEqualTo(5432);
        assertThat(json.get("sslrootcert").get("value").isNull()).isTrue();
        assertThat(json.get("password").get("found").booleanValue()).isTrue();
        assertThat(json.get("password").get("source").textValue()).isEqualTo("keyring");
        assertThat(json.get("password").has("value")).isFalse();
        assertThat(json.get("notes").isArray()).isTrue();
        assertThat(json.get("problems").isArray()).isTrue();
        assertThat(out()).doesNotContain("from-keyring");
    }

    @Test
    void ignoredKeywordsAreListedWithTheirReasons() {
        run(PasswordLookup.NONE, "host=h service=prod");

        List<String> lines = lines(out());
        int heading = lines.indexOf("Notes:");
        assertThat(heading).isPositive();
        assertThat(lines.get(heading + 1))
                .isEqualTo("  service: service files (pg_service.conf) are not read, ignored");
    }

    @Test
    void settingsThatCannotWorkAreListedAsProblems() throws IOException {
        Path missing = home.resolve("missing-root.crt");

        int status = run(PasswordLookup.NONE, "host=h sslmode=verify-full sslrootcert=" + missing, "--json");

        assertThat(status).isEqualTo(ExitCodes.OK);
        JsonNode problem = new ObjectMapper().readTree(out()).get("problems").get(0);
        assertThat(problem.get("setting").textValue()).isEqualTo("sslrootcert");
        assertThat(problem.get("message").textValue())
                .contains(missing.toString())
                .contains("does not exist");
    }

    @Test
    void problemsAreListedInTheTableOutputToo() {
        run(PasswordLookup.NONE, "host=h sslmode=verify-ca");

        List<String> lines = lines(out());
        int heading = lines.indexOf("Problems:");
        assertThat(heading).isPositive();
        assertThat(lines.get(heading + 1)).startsWith("  sslrootcert: verify-ca checks the server's certificate");
    }

    @Test
    void malformedTargetIsOneLineOnStandardErrorAndExitStatus2() {
        int status = run(PasswordLookup.NONE, "postgresql://h:54a/db");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err()).isEqualTo("pgdesk conninfo: invalid port number: \"54a\"" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownProfileListsTheSavedOnes() {
        int status = run(PasswordLookup.NONE, "staging");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err()).contains("no saved profile named \"staging\" (saved profiles: Production)");
    }

    @Test
    void missingTargetShowsAUsageHint() {
        int status = run(PasswordLookup.NONE);

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err()).contains("missing target").contains("pgdesk conninfo --help");
    }

    @Test
    void extraArgumentsShowAUsageHint() {
        int status = run(PasswordLookup.NONE, "host=a", "host=b");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err()).contains("expected one target").contains("pgdesk conninfo --help");
    }

    @Test
    void unknownOptionShowsAUsageHint() {
        int status = run(PasswordLookup.NONE, "host=a", "--yaml");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err()).contains("unknown option '--yaml'");
    }

    @Test
    void helpThroughTheCliPrintsTheUsage() {
        int status = new PgdeskCli().run(List.of("conninfo", "--help"), print(out), print(err));

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out()).startsWith("Usage: pgdesk conninfo <target> [--json]");
    }

    @Test
    void runsThroughTheCliWithTheDefaultWiring() {
        String previous = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        try {
            int status = new PgdeskCli()
                    .run(List.of("conninfo", "postgresql://cli.example.com:7000/x", "--json"), print(out), print(err));

            assertThat(status).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("\"cli.example.com\"").contains("7000");
        } finally {
            restore(previous);
        }
    }

    @Test
    void aProblemWithTheProfilesFileIsAWarningOnStandardError() throws IOException {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "not json");
        ConninfoCommand command =
                new ConninfoCommand(new ProfileStore(file), new PgEnvironment(variables, home), PasswordLookup.NONE);

        int status = command.run(List.of("anything"), print(out), print(err));

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err())
                .contains("pgdesk conninfo: warning: The saved connections file")
                .contains("no profiles are saved yet");
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirectories.HOME_PROPERTY, previous);
        }
    }
}
