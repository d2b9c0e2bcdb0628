package dev.pgdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesANewFileAndCreatesMissingDirectories() throws IOException {
        Path target = dir.resolve("a/b/settings.json");

        AtomicFiles.write(target, utf8("{}"), false);

        assertThat(target).hasContent("{}");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("profiles.json");
        Files.writeString(target, "old");

        AtomicFiles.write(target, utf8("new"), false);

        assertThat(target).hasContent("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void ownerOnlyFilesGetMode0600() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = dir.resolve(".pgpass");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.write(target, utf8("secret"), true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void writingThroughASymbolicLinkKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.conf");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real);

        AtomicFiles.write(link, utf8("new"), false);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(target, utf8("new"), false)).isInstanceOf(IOException.class);

        assertThat(target).isDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
