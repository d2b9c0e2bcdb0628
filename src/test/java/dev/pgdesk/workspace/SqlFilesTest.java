package dev.pgdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenTextReadsBackTheSameWithItsLineEndings() throws IOException {
        Path file = dir.resolve("sub/report.sql");
        String text = "select 'ünïcødé ✓' as x;\r\nselect 2;\n";

        SqlFiles.write(file, text);

        assertThat(SqlFiles.read(file)).isEqualTo(text);
        assertThat(Files.readAllBytes(file)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aByteOrderMarkIsStripped() throws IOException {
        Path file = dir.resolve("bom.sql");
        byte[] body = "select 1;".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);

        assertThat(SqlFiles.read(file)).isEqualTo("select 1;");
    }

    @Test
    void aLatin1FileIsRefusedWithTheFileNameAndWhatToDo() throws IOException {
        Path file = dir.resolve("latin1.sql");
        Files.write(file, "select 'café';".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SqlFiles.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not UTF-8 text")
                .hasMessageContaining("byte 0xE9 at offset 11")
                .hasMessageContaining("convert it to UTF-8");
    }

    @Test
    void aUtf16FileIsRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("utf16.sql");
        Files.write(file, "select 1;".getBytes(StandardCharsets.UTF_16LE));
        byte[] withBom = Files.readAllBytes(file);
        byte[] bytes = new byte[withBom.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(withBom, 0, bytes, 2, withBom.length);
        Files.write(file, bytes);

        assertThatThrownBy(() -> SqlFiles.read(file))
                .hasMessageContaining("UTF-16")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path file = dir.resolve("image.sql");
        Files.write(file, new byte[] {'s', 0, 0, 0, 'x'});

        assertThatThrownBy(() -> SqlFiles.read(file)).hasMessageContaining("not a text file");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSize() throws IOException {
        Path file = dir.resolve("dump.sql");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SqlFiles.MAX_BYTES + 1);
        }

        assertThatThrownBy(() -> SqlFiles.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("50.0 MB")
                .hasMessageContaining("psql -f");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("gone.sql");

        assertThatThrownBy(() -> SqlFiles.read(file)).hasMessage(file + " does not exist.");
    }

    @Test
    void writingKeepsTheUsualPermissionsAndThoseOfAnExistingFile() throws IOException {
        Path fresh = dir.resolve("fresh.sql");
        SqlFiles.write(fresh, "select 1;");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isNotEqualTo("rw-------");

        Path shared = dir.resolve("shared.sql");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        SqlFiles.write(shared, "new");

        assertThat(Files.readString(shared)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-rw-r--");
    }
}
