package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("server")
class LocalPostgresTest {

    @TempDir
    Path temp;

    @Test
    void sharedServerRunsTheExpectedMajorVersion() throws SQLException {
        TestServer server = TestServer.shared();
        int expectedMajor = Integer.parseInt(TestServer.expectedVersion().split("\\.")[0]);

        assertThat(queryInt(server, "postgres", "SELECT current_setting('server_version_num')::int / 10000"))
                .isEqualTo(expectedMajor);
        assertThat(server.majorVersion()).isEqualTo(expectedMajor);
    }

    @Test
    void requireModeConnectionIsEncrypted() throws SQLException {
        TestServer server = TestServer.shared();
        Properties properties = passwordLogin(server, "alice");
        properties.setProperty("sslmode", "require");

        try (Connection c = DriverManager.getConnection(url(server), properties);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("ssl")).isTrue();
            assertThat(rs.getString("version")).startsWith("TLS");
        }
    }

    @Test
    void pgStatStatementsViewIsQueryable() throws SQLException {
        assertThat(queryInt(TestServer.shared(), "postgres", "SELECT count(*) FROM pg_stat_statements"))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void passwordsAreStoredAsScram() throws SQLException {
        try (Connection c = TestServer.shared().connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
        }
    }

    @Test
    void restartKeepsDataAndPort() throws Exception {
        try (TestServer server = TestServer.startDedicated("restart", b -> {})) {
            int port = server.port();
            try (Connection c = server.connect("postgres");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor(id int)");
                s.execute("INSERT INTO survivor VALUES (42)");
            }

            server.server().restart();

            assertThat(server.port()).isEqualTo(port);
            assertThat(server.server().isRunning()).isTrue();
            assertThat(queryInt(server, "postgres", "SELECT id FROM survivor")).isEqualTo(42);
        }
    }

    @Test
    void dedicatedServerWithSslOffAcceptsPlainConnectionsOnly() throws Exception {
        try (TestServer server = TestServer.startDedicated("ssl-off", b -> b.setting("ssl", "off"))) {
            Properties prefer = passwordLogin(server, "alice");
            prefer.setProperty("sslmode", "prefer");
            try (Connection c = DriverManager.getConnection(url(server), prefer);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
            }

            Properties require = passwordLogin(server, "alice");
            require.setProperty("sslmode", "require");
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url(server), require).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SSL");
        }
    }

    @Test
    void serverProcessNeverRunsAsRoot() throws IOException {
        LocalPostgres server = TestServer.shared().server();
        long postmasterPid =
                Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid"))
                        .get(0)
                        .trim());

        Object uid = Files.getAttribute(Path.of("/proc", Long.toString(postmasterPid)), "unix:uid");

        assertThat(((Number) uid).intValue()).isNotZero();
        assertThat(Files.getOwner(server.dataDirectory()).getName()).isNotEqualTo("root");
    }

    @Test
    void dataDirectoryThatIsAFileIsRejectedWithTheReason() throws IOException {
        Path file = Files.writeString(reachableTemp().resolve("not-a-directory"), "oops");
        LocalPostgres server = LocalPostgres.builder(
                        TestServer.shared().server().binaries(), file)
                .build();

        assertThatThrownBy(server::start)
                .isInstanceOf(LocalPostgresException.class)
                .hasMessageContaining("is a file, not a directory");
    }

    @Test
    void dataDirectoryOfAnotherMajorVersionIsRejectedWithTheFix() throws IOException {
        Path data = Files.createDirectory(reachableTemp().resolve("old-cluster"));
        Files.writeString(data.resolve("PG_VERSION"), "12\n");
        PgBinaries binaries = TestServer.shared().server().binaries();
        LocalPostgres server = LocalPostgres.builder(binaries, data).build();

        assertThatThrownBy(server::start)
                .isInstanceOf(LocalPostgresException.class)
                .hasMessageContaining("created by PostgreSQL 12")
                .hasMessageContaining("binaries are PostgreSQL " + binaries.majorVersion())
                .hasMessageContaining("new data directory");
    }

    @Test
    void startFailureNamesTheProblemAndShowsTheServerLog() throws IOException {
        TestServer shared = TestServer.shared();
        LocalPostgres clash = LocalPostgres.builder(
                        shared.server().binaries(), reachableTemp().resolve("clash"))
                .port(shared.port())
                .build();
        try {
            assertThatThrownBy(clash::start)
                    .isInstanceOf(LocalPostgresException.class)
                    .hasMessageContaining("did not start on 127.0.0.1:" + shared.port())
                    .hasMessageContaining("Server log")
                    .hasMessageContaining("could not bind");
        } finally {
            clash.close();
        }
    }

    @Test
    void settingsOwnedByTheLauncherAreRefused() {
        LocalPostgres.Builder builder =
                LocalPostgres.builder(TestServer.shared().server().binaries(), temp);

        assertThatThrownBy(() -> builder.setting("listen_addresses", "*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listen_addresses");
    }

    /** JUnit makes temp dirs 0700; the server's account (nobody, when we are root) must enter it. */
    private Path reachableTemp() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return temp;
    }

    private static Properties passwordLogin(TestServer server, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", server.password(user));
        return properties;
    }

    private static String url(TestServer server) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database();
    }

    private static int queryInt(TestServer server, String user, String sql) throws SQLException {
        try (Connection c = server.connect(user);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
