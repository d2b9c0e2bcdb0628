package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptSourceTest {
    @TempDir
    Path directory;

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sqlOptionIsTakenAsIs() throws CliUsageException {
        assertThat(ScriptSource.read(Optional.of("SELECT 1"), Optional.empty(), stdin("ignored"), false, "db"))
                .isEqualTo(new ScriptSource("SELECT 1", "--sql"));
    }

    @Test
    void fileIsReadAsUtf8WithoutAByteOrderMark() throws IOException, CliUsageException {
        Path file = directory.resolve("q.sql");
        Files.writeString(file, "\uFEFFSELECT 'é'", StandardCharsets.UTF_8);

        assertThat(ScriptSource.read(Optional.empty(), Optional.of(file.toString()), stdin(""), true, "db")
                        .text())
                .isEqualTo("SELECT 'é'");
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws IOException {
        Path file = directory.resolve("latin1.sql");
        Files.write(file, "SELECT 'é'".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(
                        () -> ScriptSource.read(Optional.empty(), Optional.of(file.toString()), stdin(""), false, "db"))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void missingFileAndDirectoryAreNamed() {
        Path missing = directory.resolve("missing.sql");

        assertThatThrownBy(() ->
                        ScriptSource.read(Optional.empty(), Optional.of(missing.toString()), stdin(""), false, "db"))
                .hasMessage("--file " + missing + ": no such file");
        assertThatThrownBy(() ->
                        ScriptSource.read(Optional.empty(), Optional.of(directory.toString()), stdin(""), false, "db"))
                .hasMessageContaining("is a directory");
    }

    @Test
    void standardInputIsReadWhenNothingElseIsGivenOrTheFileIsADash() throws CliUsageException {
        assertThat(ScriptSource.read(Optional.empty(), Optional.empty(), stdin("SELECT 2"), false, "db"))
                .isEqualTo(new ScriptSource("SELECT 2", ScriptSource.STDIN));
        assertThat(ScriptSource.read(Optional.empty(), Optional.of("-"), stdin("SELECT 3"), true, "db")
                        .text())
                .isEqualTo("SELECT 3");
    }

    @Test
    void terminalOnStandardInputGetsToldHowToPassSql() {
        assertThatThrownBy(() -> ScriptSource.read(Optional.empty(), Optional.empty(), stdin(""), true, "prod"))
                .hasMessageContaining("no SQL given")
                .hasMessageContaining("pgdesk query prod < script.sql");
    }

    @Test
    void bothSqlAndFileAreRefused() {
        assertThatThrownBy(() -> ScriptSource.read(Optional.of("x"), Optional.of("y"), stdin(""), false, "db"))
                .hasMessageContaining("one way only");
    }
}
