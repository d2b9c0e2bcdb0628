package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("server")
class SampleDatabaseTest {

    @TempDir
    Path temp;

    Path dataDirectory;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void reachableByTheServerAccount() throws IOException {
        // As root the server runs as nobody, who must pass through JUnit's 0700 temp directory.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        dataDirectory = temp.resolve("sample");
    }

    @Test
    void firstStartCreatesAndLoadsARealisticSample() throws Exception {
        try (SampleDatabase sample = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(sample)) {
            assertThat(count(c, "users")).isEqualTo(100);
            assertThat(count(c, "customers")).isEqualTo(500);
            assertThat(count(c, "products")).isEqualTo(200);
            assertThat(count(c, "orders")).isEqualTo(5000);
            assertThat(count(c, "order_items")).isBetween(13_000L, 17_000L);
            assertThat(count(c, "accounts")).isBetween(550L, 650L);
            assertThat(count(c, "employees")).isEqualTo(50);
            assertThat(count(c, "metrics_log")).isEqualTo(20_000);
            assertThat(queryLong(c, "SELECT sum(count) FROM metrics_summary")).isEqualTo(20_000);
            assertThat(queryLong(c, "SELECT count(*) FROM order_totals_by_month"))
                    .isBetween(24L, 26L);
            assertThat(queryLong(
                            c,
                            "SELECT count(*) FROM orders"
                                    + " WHERE ordered_at < now() - interval '2 years' OR ordered_at > now()"))
                    .isZero();
            assertThat(
                            queryLong(
                                    c,
                                    "SELECT count(*) FROM orders o WHERE o.total <>"
                                            + " (SELECT sum(quantity * unit_price) FROM order_items i WHERE i.order_id = o.id)"))
                    .isZero();
            assertThat(queryLong(c, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"))
                    .isEqualTo(6);
            assertThat(
                            queryLong(
                                    c,
                                    "SELECT count(*) FROM order_items i LEFT JOIN orders o ON o.id = i.order_id"
                                            + " LEFT JOIN products p ON p.id = i.product_id WHERE o.id IS NULL OR p.id IS NULL"))
                    .isZero();
            assertThat(queryLong(
                            c,
                            "WITH RECURSIVE tree AS (SELECT id FROM employees WHERE manager_id IS NULL"
                                    + " UNION ALL SELECT e.id FROM employees e JOIN tree t ON e.manager_id = t.id)"
                                    + " SELECT count(*) FROM tree"))
                    .isEqualTo(50);
            assertThat(queryLong(c, "SELECT count(DISTINCT status) FROM orders"))
                    .isEqualTo(6);
            assertThat(queryLong(c, "SELECT count(*) FROM pgdesk_sample_info")).isEqualTo(1);
        }
        assertThat(progress).anyMatch(line -> line.startsWith("Loading the sample data"));
    }

    @Test
    void profileDescribesTheRunningServer() throws Exception {
        try (SampleDatabase sample = SampleDatabase.start(dataDirectory, progress::add)) {
            ConnectionProfile profile = sample.profile();

            assertThat(profile.name()).isEqualTo("Sample database");
            assertThat(profile.host()).isEqualTo("127.0.0.1");
            assertThat(profile.port()).isEqualTo(sample.server().port()).isPositive();
            assertThat(profile.database()).isEqualTo("sample");
            assertThat(profile.user()).isEqualTo("postgres");
            assertThat(profile.sslMode()).isEqualTo(SslMode.DISABLE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("password"))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dataDirectory.resolve("password")).trim())
                    .isEqualTo(sample.password());
        }
    }

    @Test
    void secondStartReusesTheDataAndThePassword() throws Exception {
        Timestamp loadedAt;
        String password;
        try (SampleDatabase first = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(first)) {
            loadedAt = loadedAt(c);
            password = first.password();
        }
        progress.clear();

        try (SampleDatabase second = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(second)) {
            assertThat(second.password()).isEqualTo(password);
            assertThat(loadedAt(c)).isEqualTo(loadedAt);
            assertThat(count(c, "orders")).isEqualTo(5000);
        }
        assertThat(progress).noneMatch(line -> line.startsWith("Loading"));
    }

    @Test
    void incompleteLoadIsDetectedAndLoadedAgainIdentically() throws Exception {
        String customers;
        Timestamp loadedAt;
        try (SampleDatabase first = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(first);
                Statement s = c.createStatement()) {
            customers = customerFingerprint(c);
            loadedAt = loadedAt(c);
            // What a load interrupted after CREATE DATABASE leaves behind: no completion record.
            s.execute("DROP TABLE pgdesk_sample_info");
            s.execute("DELETE FROM order_items WHERE order_id > 100");
        }
        progress.clear();

        try (SampleDatabase second = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(second)) {
            assertThat(progress).anyMatch(line -> line.startsWith("Loading the sample data"));
            assertThat(loadedAt(c)).isAfter(loadedAt);
            assertThat(count(c, "order_items")).isGreaterThan(13_000);
            assertThat(customerFingerprint(c)).isEqualTo(customers);
        }
    }

    @Test
    void halfCreatedClusterIsReplaced() throws Exception {
        // What an interrupted initdb leaves: a cluster directory without PG_VERSION.
        Files.createDirectories(dataDirectory.resolve("pgdata/base"));

        try (SampleDatabase sample = SampleDatabase.start(dataDirectory, progress::add);
                Connection c = connect(sample)) {
            assertThat(count(c, "orders")).isEqualTo(5000);
        }
        assertThat(progress).anyMatch(line -> line.contains("not fully created"));
    }

    @Test
    void closeStopsTheServer() throws Exception {
        SampleDatabase sample = SampleDatabase.start(dataDirectory, progress::add);
        int port = sample.profile().port();

        sample.close();

        assertThat(sample.server().isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void sampleScriptsLoadOnTheTestedPostgresVersion() throws Exception {
        // The app bundles one version, but users may copy the scripts elsewhere: they must run on 13+.
        TestServer server = TestServer.shared();
        String database = "sample_on_" + server.majorVersion();
        try (Connection admin = server.connect("postgres");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        try (Connection c = server.connect("postgres", database)) {
            c.setAutoCommit(false);
            SampleDatabase.load(c);
            c.commit();

            assertThat(count(c, "orders")).isEqualTo(5000);
            assertThat(count(c, "pgdesk_sample_info")).isEqualTo(1);
        } finally {
            try (Connection admin = server.connect("postgres");
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static Connection connect(SampleDatabase sample) throws SQLException {
        ConnectionProfile profile = sample.profile();
        Properties properties = new Properties();
        properties.setProperty("user", profile.user());
        properties.setProperty("password", sample.password());
        properties.setProperty("sslmode", profile.sslMode().libpqName());
        return DriverManager.getConnection(
                "jdbc:postgresql://" + profile.host() + ":" + profile.port() + "/" + profile.database(), properties);
    }

    private static long count(Connection c, String table) throws SQLException {
        return queryLong(c, "SELECT count(*) FROM " + table);
    }

    private static Timestamp loadedAt(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT loaded_at FROM pgdesk_sample_info")) {
            assertThat(rs.next()).isTrue();
            return rs.getTimestamp(1);
        }
    }

    private static String customerFingerprint(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT md5(string_agg(name || email || country || city, ',' ORDER BY id)) FROM customers")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
