package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {
    @TempDir
    Path dir;

    private PgPassFile fileWith(String content) throws IOException {
        Path path = dir.resolve("pgpass");
        Files.writeString(path, content);
        if (isPosix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        return new PgPassFile(path);
    }

    private boolean isPosix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void exactLineMatches() throws IOException {
        PgPassFile file = fileWith("db.example.com:5432:sales:alice:s3cret\n");

        assertThat(file.find("db.example.com", 5432, "sales", "alice")).contains("s3cret");
        assertThat(file.find("db.example.com", 5433, "sales", "alice")).isEmpty();
        assertThat(file.find("db.example.com", 5432, "sales", "bob")).isEmpty();
    }

    @Test
    void starMatchesAnyValueButOnlyAsAWholeField() throws IOException {
        PgPassFile file = fileWith("db*:5432:*:alice:prefix\n*:*:*:*:anything\n");

        assertThat(file.find("db1", 5432, "x", "alice")).contains("anything");
        assertThat(file.find("other", 1, "y", "bob")).contains("anything");
    }

    @Test
    void firstMatchingLineWins() throws IOException {
        PgPassFile file = fileWith("*:*:*:alice:first\nlocalhost:5432:db:alice:second\n");

        assertThat(file.find("localhost", 5432, "db", "alice")).contains("first");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws IOException {
        PgPassFile file = fileWith("# localhost:5432:db:alice:commented\n\r\n\nlocalhost:5432:db:alice:real\r\n");

        assertThat(file.find("localhost", 5432, "db", "alice")).contains("real");
    }

    @Test
    void escapedColonsAndBackslashesAreUnescaped() throws IOException {
        PgPassFile file = fileWith("fe80\\:\\:1:5432:db:alice:pa\\:ss\\\\word:trailing\n");

        assertThat(file.find("fe80::1", 5432, "db", "alice")).contains("pa:ss\\word");
    }

    @Test
    void missingFileFindsNothing() {
        assertThat(new PgPassFile(dir.resolve("absent")).find("h", 5432, "d", "u"))
                .isEmpty();
    }

    @Test
    void fileThatGroupOrOthersCanReadIsIgnoredAsLibpqDoes() throws IOException {
        assumeTrue(isPosix());
        PgPassFile file = fileWith("*:*:*:*:leaked\n");
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(file.find("h", 5432, "d", "u")).isEmpty();
    }

    @Test
    void locateUsesPgpassfileFirst() {
        PgEnvironment env = new PgEnvironment(Map.of("PGPASSFILE", "/etc/my-pgpass"), Path.of("/home/alice"));

        assertThat(PgPassFile.locate(env, "Linux").path()).isEqualTo(Path.of("/etc/my-pgpass"));
    }

    @Test
    void locateDefaultsToPgpassInTheHomeDirectory() {
        PgEnvironment env = new PgEnvironment(Map.of(), Path.of("/home/alice"));

        assertThat(PgPassFile.locate(env, "Linux").path()).isEqualTo(Path.of("/home/alice/.pgpass"));
    }

    @Test
    void locateOnWindowsUsesAppData() {
        PgEnvironment env = new PgEnvironment(Map.of("APPDATA", "/users/alice/roaming"), Path.of("/users/alice"));

        assertThat(PgPassFile.locate(env, "Windows 10").path())
                .isEqualTo(Path.of("/users/alice/roaming/postgresql/pgpass.conf"));
    }

    @Test
    void storeCreatesAnOwnerOnlyFileThatFindReadsBack() throws IOException {
        PgPassFile file = new PgPassFile(dir.resolve("sub/pgpass"));

        file.store("db:host", 5432, "sales", "al\\ice", "pa:ss");

        assertThat(file.path()).hasContent("db\\:host:5432:sales:al\\\\ice:pa\\:ss");
        assertThat(file.find("db:host", 5432, "sales", "al\\ice")).contains("pa:ss");
        if (isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void storeReplacesTheExactEntryAndKeepsEverythingElse() throws IOException {
        PgPassFile file = fileWith("# mine\nh:5432:d:u:old\nother:5432:d:u:keep\n");

        file.store("h", 5432, "d", "u", "new");

        assertThat(Files.readAllLines(file.path())).containsExactly("# mine", "h:5432:d:u:new", "other:5432:d:u:keep");
    }

    @Test
    void storeAppendsWhenNoLineMatches() throws IOException {
        PgPassFile file = fileWith("other:5432:d:u:keep");

        file.store("h", 5432, "d", "u", "new");

        assertThat(Files.readAllLines(file.path())).containsExactly("other:5432:d:u:keep", "h:5432:d:u:new");
    }

    @Test
    void storePutsTheEntryBeforeAWildcardLineThatWouldShadowIt() throws IOException {
        PgPassFile file = fileWith("*:*:*:u:wildcard\nh:5432:d:u:old\n");

        file.store("h", 5432, "d", "u", "new");

        assertThat(Files.readAllLines(file.path())).containsExactly("h:5432:d:u:new", "*:*:*:u:wildcard");
        assertThat(file.find("h", 5432, "d", "u")).contains("new");
    }

    @Test
    void theHomeDirectoryIsHomeFirstAsLibpqFindsIt() {
        assertThat(PgEnvironment.home(Map.of("HOME", "/home/from-env"), "/home/account", "Linux"))
                .isEqualTo(Path.of("/home/from-env"));
        assertThat(PgEnvironment.home(Map.of("HOME", ""), "/home/account", "Linux"))
                .isEqualTo(Path.of("/home/account"));
        assertThat(PgEnvironment.home(Map.of(), "/home/account", "Mac OS X")).isEqualTo(Path.of("/home/account"));
        assertThat(PgEnvironment.home(Map.of("HOME", "/c/msys"), "C:\\Users\\alice", "Windows 11"))
                .as("libpq on Windows goes by APPDATA, not HOME")
                .isEqualTo(Path.of("C:\\Users\\alice"));
    }
}
