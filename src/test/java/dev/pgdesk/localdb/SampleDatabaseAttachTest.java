package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SampleDatabase#attachOrStart}: one sample, loaded once, shared by "windows" and "commands" (here all in one
 * process, each with its own hold), running or stopped as each test needs.
 */
@Tag("server")
class SampleDatabaseAttachTest {

    @TempDir
    static Path temp;

    private static Path directory;
    /** The pgdesk window's hold on the sample, when a test wants it running; null when it let go. */
    private static RunningSample window;

    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void loadTheSampleOnce() throws Exception {
        // As root the server runs as nobody, who must pass through JUnit's 0700 temp directory.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        directory = temp.resolve("sample");
        window = SampleDatabase.attachOrStart(directory, line -> {});
    }

    @AfterAll
    static void stopTheSample() {
        closeWindow();
    }

    private static void ensureRunning() throws LocalPostgresException {
        if (window == null) {
            window = SampleDatabase.attachOrStart(directory, line -> {});
        }
    }

    private static void closeWindow() {
        if (window != null) {
            window.close();
            window = null;
        }
    }

    private static boolean sampleRuns() throws LocalPostgresException {
        return SampleDatabase.findRunning(directory).isPresent();
    }

    private static boolean postmasterLeft() {
        return Files.exists(directory.resolve("pgdata").resolve(PostmasterPid.FILE));
    }

    @Test
    void aRunningSampleIsUsedAsItIsAndKeepsRunningAfterwards() throws Exception {
        ensureRunning();

        try (RunningSample sample = SampleDatabase.attachOrStart(directory, progress::add)) {
            assertThat(sample.startedHere()).isFalse();
            assertThat(sample.profile().id()).isEqualTo(SampleDatabase.PROFILE_ID);
            assertThat(sample.profile().name()).isEqualTo(SampleDatabase.NAME);
            assertThat(sample.profile().port()).isEqualTo(window.profile().port());
            assertThat(sample.password()).isEqualTo(window.password());
            assertThat(countOrders(sample)).isEqualTo(5000);
        }

        assertThat(progress).as("nothing was started").isEmpty();
        assertThat(sampleRuns()).as("the window still uses it").isTrue();
    }

    @Test
    void theServerKeepsRunningWhileAnyoneUsesItAndTheLastToLetGoStopsIt() throws Exception {
        closeWindow();
        RunningSample command = SampleDatabase.attachOrStart(directory, progress::add);
        RunningSample secondWindow = SampleDatabase.attachOrStart(directory, progress::add);
        assertThat(command.startedHere()).isTrue();
        assertThat(secondWindow.startedHere()).isFalse();

        command.close();
        assertThat(sampleRuns())
                .as("the command started it, but a window still uses it")
                .isTrue();
        assertThat(countOrders(secondWindow)).isEqualTo(5000);

        secondWindow.close();
        assertThat(postmasterLeft())
                .as("the last user stopped it, though another started it")
                .isFalse();
    }

    @Test
    void aServerWhoseUsersAllEndedIsTakenOverAndStoppedByTheNextUser() throws Exception {
        closeWindow();
        RunningSample killed = SampleDatabase.attachOrStart(directory, progress::add);
        // As if its process had been killed: its entry names a process that has ended.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.resolve("users"))) {
            for (Path entry : entries) {
                Files.writeString(entry, ended.pid() + " -");
            }
        }

        try (RunningSample next = SampleDatabase.attachOrStart(directory, progress::add)) {
            assertThat(next.startedHere())
                    .as("the orphaned server is used as it is")
                    .isFalse();
            assertThat(countOrders(next)).isEqualTo(5000);
        }

        assertThat(postmasterLeft())
                .as("the next user, the only one alive, stopped it")
                .isFalse();
        killed.close(); // only removes its exit hook: the server is gone already
    }

    @Test
    void aStoppedSampleIsStartedAndStoppedAgainWhenClosed() throws Exception {
        closeWindow();

        try (RunningSample sample = SampleDatabase.attachOrStart(directory, progress::add)) {
            assertThat(sample.startedHere()).isTrue();
            assertThat(countOrders(sample)).isEqualTo(5000);
            assertThat(postmasterLeft()).isTrue();
        }

        assertThat(progress).anyMatch(line -> line.startsWith("Starting PostgreSQL"));
        assertThat(postmasterLeft())
                .as("the server this call started is stopped")
                .isFalse();
    }

    @Test
    void aStalePidFileOfACrashedServerDoesNotCountAsRunning() throws Exception {
        closeWindow();
        Path pidFile = directory.resolve("pgdata").resolve(PostmasterPid.FILE);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(pidFile, ended.pid() + "\n" + directory + "\n1763950000\n5432\n\n127.0.0.1\n");
        try {
            assertThat(SampleDatabase.findRunning(directory)).isEmpty();
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void aRunningSampleWithoutItsPasswordFileIsReportedWithWhatToDo() throws Exception {
        ensureRunning();
        Path passwordFile = directory.resolve("password");
        Path aside = directory.resolve("password.aside");
        Files.move(passwordFile, aside);
        try {
            assertThatThrownBy(() -> SampleDatabase.attachOrStart(directory, progress::add))
                    .isInstanceOf(LocalPostgresException.class)
                    .hasMessageContaining("password file")
                    .hasMessageContaining("try again");
        } finally {
            Files.move(aside, passwordFile);
        }
        assertThat(sampleRuns()).as("the running server is left alone").isTrue();
    }

    private static long countOrders(RunningSample sample) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", sample.profile().user());
        properties.setProperty("password", sample.password());
        properties.setProperty("sslmode", "disable");
        String url = "jdbc:postgresql://" + sample.profile().host() + ":"
                + sample.profile().port() + "/" + sample.profile().database();
        try (Connection c = DriverManager.getConnection(url, properties);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
