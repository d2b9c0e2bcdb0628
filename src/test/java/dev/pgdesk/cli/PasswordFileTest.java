package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password file is read as libpq reads it, and only so: a file that group or others may read is warned
 * about and ignored, and then nothing else reads it either (pgjdbc would, given PGPASSFILE or ~/.pgpass); an
 * owner-only one is used; the home directory is {@code $HOME}. The test server asks alice for a password
 * (SCRAM), so a login without one fails.
 */
@Tag("server")
class PasswordFileTest {
    @TempDir
    Path home;

    private Path passwordFile(Path path, String permissions) throws Exception {
        TestServer server = TestServer.shared();
        Files.createDirectories(path.getParent());
        Files.writeString(
                path,
                "localhost:" + server.port() + ":" + server.database() + ":alice:" + server.password("alice") + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        return path;
    }

    private CliRun.Result query(CliRun pgdesk) throws Exception {
        TestServer server = TestServer.shared();
        return pgdesk.run(
                "query",
                "postgresql://alice@localhost:" + server.port() + "/" + server.database(),
                "--sql",
                "SELECT current_user AS who",
                "--format",
                "csv",
                "--no-password");
    }

    @Test
    void aPgpassfileOthersCanReadIsWarnedAboutAndNotUsed() throws Exception {
        Path file = passwordFile(home.resolve("secrets").resolve("pgpass"), "rw-r--r--");

        CliRun.Result result = query(new CliRun(home).env("PGPASSFILE", file.toString()));

        assertThat(result.status()).as(result.stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(result.stderr())
                .contains("password file \"" + file + "\" has group or world access")
                .contains("chmod 0600 " + file)
                .contains("Password required")
                .contains("The server asks for a password for user alice, but none was given.");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anOwnerOnlyPgpassfileIsUsed() throws Exception {
        Path file = passwordFile(home.resolve("secrets").resolve("pgpass"), "rw-------");

        CliRun.Result result = query(new CliRun(home).env("PGPASSFILE", file.toString()));

        assertThat(result.status()).as(result.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout().lines()).containsExactly("who", "alice");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void theDotPgpassOfHomeIsFoundThroughHomeAndIgnoredWhenOthersCanReadIt() throws Exception {
        // $HOME is not the account's home directory (user.home) here: libpq goes by $HOME, and so must pgdesk.
        Path file = passwordFile(home.resolve(".pgpass"), "rw-r-----");

        CliRun.Result ignored = query(new CliRun(home));

        assertThat(ignored.status()).as(ignored.stderr()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(ignored.stderr()).contains("password file \"" + file + "\" has group or world access");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CliRun.Result used = query(new CliRun(home));

        assertThat(used.status()).as(used.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(used.stdout().lines()).containsExactly("who", "alice");
    }
}
