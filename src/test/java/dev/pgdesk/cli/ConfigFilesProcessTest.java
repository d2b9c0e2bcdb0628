package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code pgdesk} command does to its configuration files, run as a real process with its own
 * {@code XDG_CONFIG_HOME}: read-only commands never write there, a file from a newer pgdesk is never changed,
 * moved or copied, an unreadable file is reported and left in place, a bad entry is copied once, and each
 * warning is printed once, in pgdesk's words.
 */
@Tag("server")
class ConfigFilesProcessTest {
    /** A line as logback's pattern prints it: "12:34:56.789 WARN  dev.pgdesk...". */
    private static final Pattern LOGBACK_LINE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    private static final String PROFILE_ID = "0d5c7c8e-4bb5-4b0e-9a53-3f1f4a1c2b7e";

    @TempDir
    Path home;

    private Path configDir() {
        return home.resolve("config").resolve("pgdesk");
    }

    private Path profilesFile() {
        return configDir().resolve("profiles.json");
    }

    private Path savedQueriesFile() {
        return configDir().resolve("saved-queries.json");
    }

    private record Result(int exit, String out, String err) {
        /** The lines of stderr that say {@code fragment}. */
        List<String> errLines(String fragment) {
            return err.lines().filter(line -> line.contains(fragment)).toList();
        }
    }

    private Result pgdesk(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PgdeskCli.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        TestServer server = TestServer.shared();
        builder.environment().put("PGPASSWORD", server.password(TestServer.SUPERUSER));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().remove("PGSERVICE");
        builder.environment().remove(dev.pgdesk.config.LogbackSetup.LEVEL_VARIABLE);
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("pgdesk %s ended", String.join(" ", args))
                    .isTrue();
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            assertThat(result.err())
                    .as("stderr of pgdesk %s holds no logback line", String.join(" ", args))
                    .doesNotContainPattern(LOGBACK_LINE);
            assertThat(result.err()).as("no stack trace").doesNotContain("\tat ");
            List<String> lines =
                    result.err().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as("each line of stderr once").doesNotHaveDuplicates();
            return result;
        } finally {
            process.destroyForcibly();
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static String profiles(int formatVersion, String extraEntry) {
        TestServer server = TestServer.shared();
        return "{\"formatVersion\": " + formatVersion + ", \"futureSetting\": {\"a\": 1}, \"profiles\": [\n"
                + "  {\"id\": \"" + PROFILE_ID + "\", \"name\": \"testdb\", \"host\": \"localhost\", \"port\": "
                + server.port() + ", \"database\": \"" + server.database() + "\", \"user\": \""
                + TestServer.SUPERUSER + "\", \"sslMode\": \"prefer\", \"colour\": \"blue\"}"
                + extraEntry + "\n]}\n";
    }

    private static String savedQueries(int formatVersion, String extraEntry) {
        return "{\"formatVersion\": " + formatVersion + ", \"queries\": [\n"
                + "  {\"name\": \"answer\", \"scope\": \"profile\", \"profileId\": \"" + PROFILE_ID + "\","
                + " \"sql\": \"SELECT 6 * 7 AS answer\", \"created\": \"2026-11-01T08:00:00Z\","
                + " \"updated\": \"2026-11-01T08:00:00Z\", \"folder\": \"reports\"}"
                + extraEntry + "\n]}\n";
    }

    private void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Every file and directory under the configuration directory with its size, modification time in
     * nanoseconds, permissions and content: a file rewritten with the same bytes still differs.
     */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home.resolve("config"))) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                String content = attributes.isRegularFile() && Files.isReadable(path)
                        ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8)
                        : "";
                entries.put(
                        home.relativize(path).toString(),
                        attributes.size() + " " + attributes.lastModifiedTime().toInstant() + " "
                                + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                                + content);
            }
        }
        return entries;
    }

    @Test
    void filesFromANewerPgdeskAreReadButNeverChangedMovedOrCopied() throws Exception {
        String profiles = profiles(7, "");
        String queries = savedQueries(7, "");
        write(profilesFile(), profiles);
        write(savedQueriesFile(), queries);
        Map<String, String> before = snapshot();

        Result list = pgdesk("saved", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("answer  (profile testdb)");
        assertThat(list.errLines("written by a newer version of pgdesk (format version 7; this version reads 1)"))
                .as("one note for each file")
                .hasSize(2);

        Result run = pgdesk("run", "answer", "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("answer", "42");
        assertThat(run.errLines("newer version of pgdesk")).hasSize(2);

        Result conninfo = pgdesk("conninfo", "testdb", "--json");
        assertThat(conninfo.exit()).as(conninfo.err()).isZero();
        assertThat(conninfo.out())
                .contains("\"port\"")
                .contains(String.valueOf(TestServer.shared().port()));
        assertThat(conninfo.errLines("newer version of pgdesk")).hasSize(1);
        assertThat(snapshot()).as("read-only commands wrote nothing").isEqualTo(before);

        Result save = pgdesk("saved", "save", "other", "--sql", "SELECT 1");
        assertThat(save.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(save.err())
                .contains("saved-queries.json was written by a newer version of pgdesk")
                .contains("nothing was saved");
        Result delete = pgdesk("saved", "delete", "answer", "--profile", "testdb");
        assertThat(delete.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(delete.err()).contains("nothing was saved");

        assertThat(snapshot()).as("refused changes wrote nothing").isEqualTo(before);
        assertThat(profilesFile()).hasContent(profiles);
        assertThat(savedQueriesFile()).hasContent(queries);
    }

    @Test
    void readOnlyCommandsWriteNothingAndABadEntryIsCopiedOnceOverThreeSaves() throws Exception {
        String badQuery = ",\n  {\"name\": \"bad name!\", \"sql\": \"SELECT 1\", \"created\": \"2026-11-01T08:00:00Z\","
                + " \"updated\": \"2026-11-01T08:00:00Z\"}";
        String badProfile = ",\n  {\"id\": \"p2\", \"name\": \"broken\", \"port\": \"not a port\"}";
        String profiles = profiles(1, badProfile);
        String queries = savedQueries(1, badQuery);
        write(profilesFile(), profiles);
        write(savedQueriesFile(), queries);
        Map<String, String> before = snapshot();

        for (int round = 1; round <= 3; round++) {
            Result list = pgdesk("saved", "list");
            assertThat(list.exit()).isZero();
            assertThat(list.out()).contains("answer  (profile testdb)");
            assertThat(list.errLines("\"bad name!\" was skipped")).hasSize(1);
            assertThat(list.errLines("\"broken\" was skipped")).hasSize(1);

            Result run = pgdesk("run", "answer", "--format", "csv");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines()).containsExactly("answer", "42");
            assertThat(run.errLines("\"broken\" was skipped"))
                    .as("run reads the profiles twice and says it once")
                    .hasSize(1);
            assertThat(run.errLines("\"bad name!\" was skipped")).hasSize(1);
            assertThat(snapshot()).as("round %d wrote nothing", round).isEqualTo(before);
        }
        Result show = pgdesk("saved", "show", "answer");
        assertThat(show.exit()).isZero();
        Result conninfo = pgdesk("conninfo", "testdb");
        assertThat(conninfo.exit()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        for (String name : List.of("first", "second", "third")) {
            Result save = pgdesk("saved", "save", name, "--sql", "SELECT $1::int", "--param", "$1=5");
            assertThat(save.exit()).as(save.err()).isZero();
        }

        try (Stream<Path> files = Files.list(configDir())) {
            List<Path> backups = files.filter(
                            path -> path.getFileName().toString().startsWith("saved-queries.json.backup-"))
                    .toList();
            assertThat(backups)
                    .singleElement()
                    .satisfies(backup -> assertThat(backup).hasContent(queries));
        }
        assertThat(profilesFile())
                .as("saving queries leaves the profiles alone")
                .hasContent(profiles);
        Result list = pgdesk("saved", "list");
        assertThat(list.out()).contains("answer", "first", "second", "third").contains("$1 = 5");
        assertThat(list.errLines("bad name!"))
                .as("dropped by the first save, after the copy")
                .isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedIsReportedAndLeftInPlace() throws Exception {
        // A directory where the file should be fails to open as an unreadable file does, for root too.
        Files.createDirectories(savedQueriesFile());
        write(profilesFile(), profiles(1, ""));
        Map<String, String> before = snapshot();

        Result list = pgdesk("saved", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.errLines("saved-queries.json could not be read")).hasSize(1);
        assertThat(list.errLines("will not save over it")).hasSize(1);
        Result save = pgdesk("saved", "save", "x", "--sql", "SELECT 1");
        assertThat(save.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(save.err()).contains("does not save over it").contains("nothing was saved");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(savedQueriesFile()).isDirectory();
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAndNeitherMovedNorWritten() throws Exception {
        write(profilesFile(), profiles(1, ""));
        write(savedQueriesFile(), savedQueries(1, ""));
        Files.setPosixFilePermissions(savedQueriesFile(), PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(
                    Files.isReadable(savedQueriesFile()),
                    "Running as root, who reads a file whatever its mode: permissions cannot make it unreadable;"
                            + " aFileThatCannotBeOpenedIsReportedAndLeftInPlace covers the same path");
            Map<String, String> before = snapshot();

            Result list = pgdesk("saved", "list");
            assertThat(list.exit()).isZero();
            assertThat(list.errLines("saved-queries.json could not be read (permission denied)"))
                    .hasSize(1);
            Result run = pgdesk("run", "answer");
            assertThat(run.exit()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
            Result save = pgdesk("saved", "save", "x", "--sql", "SELECT 1");
            assertThat(save.exit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(save.err()).contains("does not save over it").contains("chmod u+rw");

            assertThat(snapshot()).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(savedQueriesFile(), PosixFilePermissions.fromString("rw-------"));
        }
    }
}
