package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.localdb.LocalPostgresException;
import dev.pgdesk.localdb.RunningSample;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Sample database as a CLI target. The server tests share one sample in a temp directory of
 * their own (never the user's), loaded once, running or stopped as each test needs.
 */
class SampleDatabaseTargetTest {
    private static final String QUERY = "big_orders_by_status";

    @TempDir
    static Path sampleParent;

    /** The pgdesk window's hold on the sample, when a test wants it running. */
    private static RunningSample shared;

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private SavedQueryStore store;
    private List<ConnectionProfile> profiles = List.of();

    @BeforeEach
    void saveAQueryForTheSample() throws IOException {
        store = new SavedQueryStore(home.resolve("config").resolve("saved-queries.json"));
        store.put(SavedQuery.create(
                QUERY,
                "The biggest orders in one status",
                "SELECT id, status, total FROM orders WHERE status = :status AND total >= :min_total::numeric"
                        + " ORDER BY total DESC, id LIMIT 3",
                List.of(
                        SavedParameter.withDefault("status", "shipped"),
                        SavedParameter.withDefault("min_total", "100")),
                SampleDatabase.PROFILE_ID));
    }

    @AfterAll
    static void stopTheSample() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private static Path sampleDirectory() {
        return sampleParent.resolve("sample");
    }

    private static void ensureRunning() throws IOException, LocalPostgresException {
        // As root the server runs as nobody, who must pass through JUnit's 0700 temp directory.
        Files.setPosixFilePermissions(sampleParent, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (shared == null) {
            shared = SampleDatabase.attachOrStart(sampleDirectory(), line -> {});
        }
    }

    private static void ensureStopped() throws IOException, LocalPostgresException {
        ensureRunning(); // loaded once, so that starting it again in the command is quick
        shared.close();
        shared = null;
    }

    private static boolean sampleRuns() throws LocalPostgresException {
        return SampleDatabase.findRunning(sampleDirectory()).isPresent();
    }

    private static boolean postmasterLeft() {
        return Files.exists(sampleDirectory().resolve("pgdata").resolve("postmaster.pid"));
    }

    private TargetResolver targets(Supplier<Path> sampleDirectory) {
        return new TargetResolver(() -> profiles, new PgEnvironment(Map.of(), home), PasswordLookup.NONE)
                .withSample(sampleDirectory);
    }

    private static Path neverStarted() {
        throw new AssertionError("the sample must not be opened here");
    }

    private int runSaved(Supplier<Path> sampleDirectory, String... args) {
        QueryCommand query = new QueryCommand(targets(sampleDirectory), () -> false, false);
        return new RunCommand(store, () -> profiles, query).run(List.of(args), stdout(), stderr());
    }

    private PrintStream stdout() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void savedListNamesTheSampleAsTheProfileOfItsQueries() {
        int status = new SavedCommand(store, () -> profiles).run(List.of("list"), stdout(), stderr());

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains(QUERY + "  (profile Sample database)").doesNotContain("deleted profile");
    }

    @Test
    void savedShowFindsTheSampleQueryByTheSampleName() throws IOException {
        int status = new SavedCommand(store, () -> profiles)
                .run(List.of("show", QUERY, "--profile", SampleDatabase.NAME, "--json"), stdout(), stderr());

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        JsonNode shown = new ObjectMapper().readTree(output());
        assertThat(shown.get("profile").textValue()).isEqualTo("Sample database");
        assertThat(shown.get("profileId").textValue()).isEqualTo(SampleDatabase.PROFILE_ID);
    }

    @Test
    void aSavedProfileNamedLikeTheSampleWinsWithAWarning() throws ConnInfoException {
        ConnectionProfile mine = ConnectionProfile.builder()
                .id("aaaaaaaa-0000-0000-0000-000000000001")
                .name("sample database")
                .host("db.example.com")
                .database("app")
                .user("alice")
                .build();
        profiles = List.of(mine);
        List<String> warnings = new ArrayList<>();

        ResolvedSettings settings =
                targets(SampleDatabaseTargetTest::neverStarted).resolve("Sample database", warnings::add, line -> {});

        assertThat(settings.profile().host()).isEqualTo("db.example.com");
        assertThat(warnings).singleElement().asString().contains("rename the profile");
    }

    @Test
    void aQuerySavedForTheSampleIsNotRunOnAProfileThatOnlySharesItsName() {
        profiles = List.of(ConnectionProfile.builder()
                .id("aaaaaaaa-0000-0000-0000-000000000002")
                .name("Sample database")
                .host("db.example.com")
                .build());

        int status = runSaved(SampleDatabaseTargetTest::neverStarted, QUERY);

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors())
                .contains("pgdesk run: '" + QUERY + "' is saved for the built-in Sample database", "rename");
    }

    @Test
    void withoutASampleDirectoryTheSampleIsReportedUnavailable() {
        TargetResolver withoutSample =
                new TargetResolver(() -> profiles, new PgEnvironment(Map.of(), home), PasswordLookup.NONE);

        assertThatThrownBy(() -> withoutSample.resolve("Sample database", line -> {}, line -> {}))
                .isInstanceOf(ConnInfoException.class)
                .hasMessageContaining("not available");
    }

    @Test
    @Tag("server")
    void aQuerySavedForTheRunningSampleRunsWithoutATargetAndLeavesItRunning() throws Exception {
        ensureRunning();

        int status = runSaved(SampleDatabaseTargetTest::sampleDirectory, QUERY, "--format", "table");

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains("status", "total", "shipped").contains("(3 rows)");
        assertThat(errors()).doesNotContain("Starting PostgreSQL");
        assertThat(sampleRuns()).isTrue();
    }

    @Test
    @Tag("server")
    void theCommandLineTheWindowShowsRunsOnTheSample() throws Exception {
        ensureRunning();

        int status = runSaved(
                SampleDatabaseTargetTest::sampleDirectory,
                QUERY,
                "--profile",
                "Sample database",
                "--param",
                "status=delivered",
                "--param",
                "min_total=100",
                "--format",
                "csv");

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        List<String> lines = output().lines().toList();
        assertThat(lines).first().isEqualTo("id,status,total");
        assertThat(lines.subList(1, lines.size())).hasSize(3).allMatch(line -> line.contains(",delivered,"));
    }

    @Test
    @Tag("server")
    void aStoppedSampleIsStartedForTheCommandAndStoppedAfterIt() throws Exception {
        ensureStopped();

        int status = runSaved(SampleDatabaseTargetTest::sampleDirectory, QUERY, "--format", "jsonl");

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output().lines()).hasSize(3).allMatch(line -> line.contains("\"status\":\"shipped\""));
        assertThat(errors()).contains("pgdesk run: Starting PostgreSQL");
        assertThat(postmasterLeft()).as("no postmaster is left running").isFalse();
    }

    @Test
    @Tag("server")
    void queryTakesTheSampleAsItsTarget() throws Exception {
        ensureRunning();

        int status = new QueryCommand(targets(SampleDatabaseTargetTest::sampleDirectory), () -> false, false)
                .run(List.of("Sample database", "--sql", "select 1 as one"), stdout(), stderr());

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains("\"one\":1");
    }

    @Test
    @Tag("server")
    void activityTakesTheSampleAsItsTarget() throws Exception {
        ensureRunning();

        int status = new ActivityCommand(targets(SampleDatabaseTargetTest::sampleDirectory))
                .run(List.of("sample database", "--json"), stdout(), stderr());

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains("\"sample\"");
        assertThat(sampleRuns()).isTrue();
    }

    @Test
    @Tag("server")
    void conninfoShowsTheRunningSampleWithItsPort() throws Exception {
        ensureRunning();
        TargetResolver runningOnly = targets(SampleDatabaseTargetTest::sampleDirectory)
                .withSample(new SampleTarget(SampleDatabaseTargetTest::sampleDirectory).runningOnly());

        int status = new ConninfoCommand(runningOnly).run(List.of("Sample database"), stdout(), stderr());

        assertThat(status).as(errors()).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains(Integer.toString(shared.profile().port()), "sample");
    }

    @Test
    @Tag("server")
    void conninfoNeverStartsTheSample() throws Exception {
        ensureStopped();
        TargetResolver runningOnly = targets(SampleDatabaseTargetTest::sampleDirectory)
                .withSample(new SampleTarget(SampleDatabaseTargetTest::sampleDirectory).runningOnly());

        int status = new ConninfoCommand(runningOnly).run(List.of("Sample database"), stdout(), stderr());

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("pgdesk conninfo: the Sample database is not running");
        assertThat(postmasterLeft()).isFalse();
    }
}
