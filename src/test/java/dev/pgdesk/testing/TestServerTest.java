package dev.pgdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class TestServerTest {

    @Test
    void certuserLogsInWithItsClientCertificate() throws SQLException {
        try (Connection c = TestServer.shared().connect("certuser");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_user, ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("current_user")).isEqualTo("certuser");
            assertThat(rs.getBoolean("ssl")).isTrue();
            assertThat(rs.getString("client_dn")).contains("CN=certuser");
        }
    }

    @Test
    void userWithoutPgHbaLineIsRejectedByTheServer() {
        TestServer server = TestServer.shared();
        Properties properties = new Properties();
        properties.setProperty("user", "nohba");
        properties.setProperty("password", server.password("nohba"));
        properties.setProperty("sslmode", "disable");

        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + server.port() + "/pgdesk_test", properties)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry");
    }

    @Test
    void aliceIsAnOrdinaryMemberOfPgdeskUsers() throws SQLException {
        try (Connection c = TestServer.shared().connect("alice");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolsuper, pg_has_role('alice', 'pgdesk_users', 'MEMBER')"
                        + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void profileIsPresetForTheSharedServer() {
        TestServer server = TestServer.shared();

        ConnectionProfile profile = server.profile("alice").build();

        assertThat(profile.host()).isEqualTo("localhost");
        assertThat(profile.port()).isEqualTo(server.port());
        assertThat(profile.database()).isEqualTo("pgdesk_test");
        assertThat(profile.user()).isEqualTo("alice");
        assertThat(profile.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void reconfigureTurnsSslOffForNewConnections() throws SQLException {
        try (TestServer server = TestServer.startDedicated("reconfigure", b -> {})) {
            assertThat(sslInUse(server)).isTrue();

            server.reconfigure(Map.of("ssl", "off"));

            assertThat(sslInUse(server)).isFalse();
        }
    }

    @Test
    void dedicatedServerCanPresentTheOtherHostCertificate() throws SQLException {
        TestCertificates certs = TestServer.shared().certificates();
        try (TestServer server = TestServer.startDedicated(
                "otherhost",
                b -> b.setting("ssl_cert_file", certs.otherHostCert().toString())
                        .setting("ssl_key_file", certs.otherHostKey().toString()))) {
            Properties verifyFull = new Properties();
            verifyFull.setProperty("user", "alice");
            verifyFull.setProperty("password", server.password("alice"));
            verifyFull.setProperty("sslmode", "verify-full");
            verifyFull.setProperty("sslrootcert", certs.caCert().toString());

            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + server.port() + "/pgdesk_test", verifyFull)
                            .close())
                    .isInstanceOf(SQLException.class);
            verifyFull.setProperty("sslmode", "verify-ca");
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + server.port() + "/pgdesk_test", verifyFull)) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void sharedServerCannotBeReconfigured() {
        assertThatThrownBy(() -> TestServer.shared().reconfigure(Map.of("ssl", "off")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static boolean sslInUse(TestServer server) throws SQLException {
        try (Connection c = server.connect("alice");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getBoolean(1);
        }
    }
}
