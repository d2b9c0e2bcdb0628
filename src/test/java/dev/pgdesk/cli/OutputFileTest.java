package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgdesk query --output FILE} treats the file as a careful user expects: a symbolic link is written
 * through and stays a link, and a target that cannot be written is refused, naming it, before any SQL runs.
 */
@Tag("server")
class OutputFileTest {
    private static final String ROWS = "SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 3) g";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path reports = Files.createDirectory(files.resolve("reports"));
        Path report = Files.writeString(reports.resolve("daily.csv"), "yesterday's report\n");
        Path link = Files.createSymbolicLink(files.resolve("latest.csv"), Path.of("reports", "daily.csv"));

        Process process = CliProcess.command(home, "query", "--sql", ROWS, "--output", link.toString())
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(home.resolve("stderr.txt"));
        assertThat(process.exitValue()).as(errors).isZero();

        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("reports", "daily.csv"));
        // The oracle: the same rows as the command writes them to standard output.
        assertThat(run("--sql", ROWS, "--format", "csv")).as(stderr()).isZero();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(stdout());
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left).as("no temporary file is left").containsExactly(report);
        }
    }

    @Test
    void aReadOnlyTargetIsRefusedBeforeTheQueryRuns() throws Exception {
        String sequence = "pgdesk_output_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE " + sequence);
        }
        Path target = Files.writeString(files.resolve("kept.csv"), "precious\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));

        Process process = CliProcess.command(
                        home, "query", "--sql", "SELECT nextval('" + sequence + "')", "--output", target.toString())
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(home.resolve("stderr.txt"));

        assertThat(process.exitValue()).as(errors).isEqualTo(ExitCodes.FAILURE);
        assertThat(errors)
                .contains("pgdesk query: cannot write " + target + ": the file is read-only")
                .contains("Nothing was run.")
                .doesNotContain(".part");
        assertThat(Files.readString(target)).isEqualTo("precious\n");
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet called = statement.executeQuery("SELECT is_called FROM " + sequence)) {
            called.next();
            assertThat(called.getBoolean(1)).as("the statement never ran").isFalse();
        }
    }

    @Test
    void aMissingDirectoryOrADirectoryIsRefusedNamingTheTarget() throws Exception {
        Path missing = files.resolve("no-such-directory").resolve("rows.csv");
        assertThat(run("--sql", ROWS, "--output", missing.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr())
                .contains("pgdesk query: cannot write " + missing + ": the directory " + missing.getParent()
                        + " does not exist. Nothing was run.");

        Path directory = Files.createDirectory(files.resolve("rows.csv"));
        assertThat(run("--sql", ROWS, "--output", directory.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr()).contains("pgdesk query: cannot write " + directory + ": it is a directory");
        assertThat(stderr()).doesNotContain(".part");
    }

    @Test
    void aFormatTheFileNameContradictsIsRefused() throws Exception {
        Path file = files.resolve("x.csv");

        assertThat(run("--sql", ROWS, "--format", "json", "--output", file.toString()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);

        assertThat(stderr())
                .contains("--format json does not match --output " + file + ", whose name says csv")
                .contains("Run 'pgdesk query --help' for usage.");
        assertThat(Files.exists(file)).isFalse();
    }

    private int run(String... args) {
        out.reset();
        return InProcessQuery.run(home, out, err, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
