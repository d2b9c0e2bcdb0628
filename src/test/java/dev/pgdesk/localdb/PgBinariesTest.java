package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBinariesTest {

    private static final Path JARS = Path.of(System.getProperty("pgdesk.test.pgBinaries", "target/pg-binaries"));

    @TempDir
    Path cache;

    @Test
    void jarIsUnpackedWithRunnableProgramsAndLibraryLinks() throws Exception {
        PgBinaries binaries = PgBinaries.fromJarDirectory(JARS, TestServer.expectedVersion(), cache);

        assertThat(binaries.version()).isEqualTo(TestServer.expectedVersion());
        assertThat(binaries.majorVersion())
                .isEqualTo(Integer.parseInt(binaries.version().split("\\.")[0]));
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            assertThat(binaries.bin(program)).isExecutable();
        }
        Path libpq = binaries.home().resolve("lib/libpq.so");
        assertThat(libpq).isSymbolicLink();
        assertThat(Files.readSymbolicLink(libpq).isAbsolute()).isFalse();
        assertThat(libpq.toRealPath()).isRegularFile();
    }

    @Test
    void asRootTheTreeIsOpenToOtherUsersAndOutsideRootsHome() throws Exception {
        PgBinaries binaries = PgBinaries.fromJarDirectory(JARS, TestServer.expectedVersion(), cache);
        boolean root = "root".equals(System.getProperty("user.name"));

        assertThat(binaries.home().startsWith(cache)).isEqualTo(!root);
        if (root) {
            assertThat(binaries.home().startsWith(Path.of("/root"))).isFalse();
            assertThat(mode(binaries.home())).isEqualTo("rwxr-xr-x");
            assertThat(mode(binaries.bin("postgres"))).isEqualTo("rwxr-xr-x");
            assertThat(mode(binaries.home().resolve("share/postgresql/postgres.bki")))
                    .isEqualTo("rw-r--r--");
        } else {
            assertThat(mode(binaries.bin("postgres"))).startsWith("rwx");
        }
    }

    @Test
    void secondLookupReusesTheUnpackedTree() throws Exception {
        PgBinaries first = PgBinaries.fromJarDirectory(JARS, TestServer.expectedVersion(), cache);
        Path marker = first.bin("initdb");
        FileTime unpackedAt = Files.getLastModifiedTime(marker);

        PgBinaries second = PgBinaries.fromJarDirectory(JARS, TestServer.expectedVersion(), cache);

        assertThat(second.home()).isEqualTo(first.home());
        assertThat(Files.getLastModifiedTime(second.bin("initdb"))).isEqualTo(unpackedAt);
    }

    @Test
    void missingJarIsReportedWithTheFix() {
        assertThatThrownBy(() -> PgBinaries.fromJarDirectory(JARS, "9.9.9", cache))
                .isInstanceOf(LocalPostgresException.class)
                .hasMessageContaining("9.9.9")
                .hasMessageContaining("generate-test-resources");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
