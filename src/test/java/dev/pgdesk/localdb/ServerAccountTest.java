package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerAccountTest {

    @TempDir
    Path temp;

    @Test
    void asRootCommandsRunAsNobodyAndOtherwiseUnchanged() throws LocalPostgresException {
        ServerAccount account = ServerAccount.current();

        List<String> wrapped = account.wrap(List.of("/opt/pg/bin/pg_ctl", "status"));

        assertThat(wrapped).endsWith("/opt/pg/bin/pg_ctl", "status");
        assertThat(account.dropsPrivileges()).isEqualTo(Platform.isRoot());
        if (Platform.isRoot()) {
            assertThat(wrapped.get(0)).endsWith("setpriv");
            assertThat(wrapped).contains("--reuid=nobody", "--clear-groups");
        } else {
            assertThat(wrapped).hasSize(2);
        }
    }

    @Test
    void asRootADirectoryNobodyCannotEnterIsRefusedWithTheReason() throws IOException, LocalPostgresException {
        Path closed = Files.createDirectory(temp.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        ServerAccount account = ServerAccount.current();

        if (account.dropsPrivileges()) {
            assertThatThrownBy(() -> account.checkReachable(closed.resolve("data")))
                    .isInstanceOf(LocalPostgresException.class)
                    .hasMessageContaining("cannot enter " + closed)
                    .hasMessageContaining("nobody");
        } else {
            account.checkReachable(closed.resolve("data"));
            assertThat(closed).isDirectory();
        }
    }

    @Test
    void asRootTakingOwnershipHandsTheFileToNobody() throws IOException, LocalPostgresException {
        Path file = Files.writeString(temp.resolve("server.log"), "");
        ServerAccount account = ServerAccount.current();

        account.takeOwnership(file);

        String expectedOwner = account.dropsPrivileges() ? "nobody" : System.getProperty("user.name");
        assertThat(Files.getOwner(file).getName()).isEqualTo(expectedOwner);
    }
}
