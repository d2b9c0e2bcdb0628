package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.query.Column;
import dev.pgdesk.task.CancellationToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file rules of {@link OutputTarget}, on the real file system. */
class OutputTargetTest {
    @TempDir
    Path dir;

    private static OutputTarget.Writing writeAll(OutputTarget target, String text) throws IOException {
        OutputTarget.Writing writing = target.open();
        writing.stream().write(text.getBytes(StandardCharsets.UTF_8));
        writing.commit();
        return writing;
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNewFiles() throws Exception {
        // The oracle: a file created the ordinary way in the same process, under the same umask.
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("usual")));

        writeAll(OutputTarget.check(dir.resolve("new.csv")), "a\n").close();

        assertThat(Files.getPosixFilePermissions(dir.resolve("new.csv"))).isEqualTo(usual);
        assertThat(Files.readString(dir.resolve("new.csv"))).isEqualTo("a\n");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("old.csv"), "old\n");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, mode);

        writeAll(OutputTarget.check(file), "new\n").close();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void aDanglingLinkIsWrittenThroughToWhereItPoints() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("daily.csv"));

        OutputTarget target = OutputTarget.check(link);
        writeAll(target, "rows\n").close();

        assertThat(target.file()).isEqualTo(dir.toRealPath().resolve("daily.csv"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("daily.csv"))).isEqualTo("rows\n");
    }

    @Test
    void aCharacterDeviceIsWrittenInPlace() throws Exception {
        OutputTarget target = OutputTarget.check(Path.of("/dev/null"));

        writeAll(target, "gone\n").close();

        assertThat(target.isDirect()).isTrue();
        assertThat(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class)
                        .isOther())
                .as("/dev/null is still the device")
                .isTrue();
    }

    @Test
    void aReadOnlyFileIsRefusedAlsoForTheSuperuser() throws Exception {
        Path file = Files.writeString(dir.resolve("kept.csv"), "kept\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> OutputTarget.check(file))
                .isInstanceOf(OutputTarget.FileException.class)
                .hasMessage("cannot write " + file + ": the file is read-only; make it writable (chmod u+w) or"
                        + " choose another name");
        assertThat(Files.readString(file)).isEqualTo("kept\n");
    }

    @Test
    void aMissingDirectoryAndADirectoryAreRefused() throws Exception {
        Path missing = dir.resolve("nowhere").resolve("rows.csv");
        assertThatThrownBy(() -> OutputTarget.check(missing))
                .isInstanceOf(OutputTarget.FileException.class)
                .hasMessage("cannot write " + missing + ": the directory " + missing.getParent() + " does not exist");
        assertThatThrownBy(() -> OutputTarget.check(dir))
                .isInstanceOf(OutputTarget.FileException.class)
                .hasMessageContaining("it is a directory");
    }

    @Test
    void aFailedExportLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("report.json"), "last week\n");
        ResultExporter.RowSource failing = maxRows -> {
            throw new SQLException("division by zero", "22012");
        };

        assertThatThrownBy(() -> ResultExporter.export(
                        List.of(new Column("x", "int4")),
                        failing,
                        file,
                        new ExportOptions(ExportFormat.JSON, ',', false, false),
                        progress -> {},
                        new CancellationToken()))
                .isInstanceOf(SQLException.class);

        assertThat(Files.readString(file)).isEqualTo("last week\n");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
