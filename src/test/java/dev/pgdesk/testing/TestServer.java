package dev.pgdesk.testing;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.localdb.LocalPostgres;
import dev.pgdesk.localdb.LocalPostgresException;
import dev.pgdesk.localdb.PgBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests tagged {@code server}. {@link #shared()} starts one server per test
 * JVM on first use and stops it when the JVM exits; {@link #startDedicated} starts extra servers with a
 * changed configuration, which the caller closes.
 *
 * <p>The version comes from the system property {@code pgdesk.test.pgVersion} (default 18.6.0), the zonky
 * jars from {@code pgdesk.test.pgBinaries} (default {@code target/pg-binaries}); surefire sets both.
 *
 * <p>Every server has: superuser {@code postgres}; SCRAM passwords; SSL on with the {@code localhost}
 * certificate of {@link #certificates()} and its CA for client certificates; pg_stat_statements; roles
 * {@code pgdesk_users} (no login), {@code alice} (password, member of pgdesk_users), {@code certuser}
 * (client certificate only) and {@code nohba} (password, but no pg_hba.conf line lets it in); database
 * {@code pgdesk_test}.
 */
public final class TestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestServer.class);

    public static final String DATABASE = "pgdesk_test";
    public static final String SUPERUSER = "postgres";
    public static final String HOST = "localhost";

    private static final String DEFAULT_VERSION = "18.6.0";
    private static final AtomicInteger DEDICATED_COUNT = new AtomicInteger();
    private static volatile Environment environment;
    private static volatile TestServer shared;
    private static final List<LocalPostgres> STARTED = new CopyOnWriteArrayList<>();

    private final String name;
    private final LocalPostgres server;
    private final Map<String, String> passwords;
    private final boolean dedicated;

    private TestServer(String name, LocalPostgres server, Map<String, String> passwords, boolean dedicated) {
        this.name = name;
        this.server = server;
        this.passwords = passwords;
        this.dedicated = dedicated;
    }

    /** The server all tests share, started on first call. */
    public static TestServer shared() {
        TestServer current = shared;
        if (current == null) {
            synchronized (TestServer.class) {
                current = shared;
                if (current == null) {
                    current = start("shared", builder -> {}, false);
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * Starts an extra server with the shared server's configuration changed by {@code customizer} (for
     * example {@code b -> b.setting("ssl", "off")}). Close it when done.
     */
    public static TestServer startDedicated(String name, Consumer<LocalPostgres.Builder> customizer) {
        return start(name + "-" + DEDICATED_COUNT.incrementAndGet(), customizer, true);
    }

    private static TestServer start(String name, Consumer<LocalPostgres.Builder> customizer, boolean dedicated) {
        Environment env = environment();
        Map<String, String> passwords = new ConcurrentHashMap<>();
        passwords.put(SUPERUSER, LocalPostgres.randomPassword());
        passwords.put("alice", LocalPostgres.randomPassword());
        passwords.put("nohba", LocalPostgres.randomPassword());
        TestCertificates certs = env.certificates;
        LocalPostgres.Builder builder = LocalPostgres.builder(env.binaries, env.directory.resolve(name))
                .superuser(SUPERUSER)
                .superuserPassword(passwords.get(SUPERUSER))
                .setting("password_encryption", "scram-sha-256")
                .setting("ssl", "on")
                .setting("ssl_cert_file", certs.localhostCert().toString())
                .setting("ssl_key_file", certs.localhostKey().toString())
                .setting("ssl_ca_file", certs.caCert().toString())
                .setting("shared_preload_libraries", "pg_stat_statements")
                .setting("max_connections", "60")
                .setting("fsync", "off")
                .setting("synchronous_commit", "off")
                .setting("full_page_writes", "off")
                .hbaLines(List.of(
                        "hostssl all certuser 127.0.0.1/32 cert",
                        "host all postgres,+pgdesk_users 127.0.0.1/32 scram-sha-256",
                        "hostssl all certuser ::1/128 cert",
                        "host all postgres,+pgdesk_users ::1/128 scram-sha-256"));
        customizer.accept(builder);
        // The cleanup hook stops every server before deleting their directories; hooks run concurrently.
        builder.stopOnExit(false);
        LocalPostgres server = builder.build();
        STARTED.add(server);
        long started = System.nanoTime();
        try {
            server.start();
            TestServer testServer = new TestServer(name, server, passwords, dedicated);
            testServer.createRolesAndDatabase();
            LOG.info("Test server {} ready in {} ms: {}", name, (System.nanoTime() - started) / 1_000_000, server);
            return testServer;
        } catch (LocalPostgresException | SQLException e) {
            server.close();
            throw new IllegalStateException("Could not start test server " + name + ": " + e.getMessage(), e);
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = connect(SUPERUSER, "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE pgdesk_users NOLOGIN");
            s.execute("CREATE ROLE alice LOGIN PASSWORD " + literal(passwords.get("alice")) + " IN ROLE pgdesk_users");
            s.execute("CREATE ROLE certuser LOGIN");
            s.execute("CREATE ROLE nohba LOGIN PASSWORD " + literal(passwords.get("nohba")));
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + SUPERUSER);
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO alice");
        }
        try (Connection c = connect(SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
    }

    /** "localhost" (the server listens on 127.0.0.1 only; the certificate names both). */
    public String host() {
        return HOST;
    }

    public int port() {
        return server.port();
    }

    /** "pgdesk_test". */
    public String database() {
        return DATABASE;
    }

    /** The password of postgres, alice or nohba; certuser has none (null). */
    public String password(String user) {
        return passwords.get(user);
    }

    public TestCertificates certificates() {
        return environment().certificates;
    }

    /** The server itself, for example to {@link LocalPostgres#restart()} it. */
    public LocalPostgres server() {
        return server;
    }

    public int majorVersion() {
        return server.majorVersion();
    }

    /** The version the tests run against, from {@code pgdesk.test.pgVersion}, for example 18.6.0. */
    public static String expectedVersion() {
        return System.getProperty("pgdesk.test.pgVersion", DEFAULT_VERSION);
    }

    /** A profile for {@code user} on this server: localhost, pgdesk_test, sslmode prefer. */
    public ConnectionProfile.Builder profile(String user) {
        return ConnectionProfile.builder()
                .name("test " + name + " " + user)
                .host(HOST)
                .port(port())
                .database(DATABASE)
                .user(user)
                .sslMode(SslMode.PREFER);
    }

    /**
     * A plain pgjdbc connection to pgdesk_test for setup and assertions: by password, or for certuser
     * with its client certificate over verified TLS.
     */
    public Connection connect(String user) throws SQLException {
        return connect(user, DATABASE);
    }

    /** Like {@link #connect(String)}, to another database. */
    public Connection connect(String user, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "10");
        String password = passwords.get(user);
        if (password != null) {
            properties.setProperty("password", password);
            properties.setProperty("sslmode", "prefer");
        } else {
            TestCertificates certs = certificates();
            properties.setProperty("sslmode", "verify-full");
            properties.setProperty("sslrootcert", certs.caCert().toString());
            properties.setProperty("sslcert", certs.clientCert().toString());
            properties.setProperty("sslkey", certs.clientKeyPkcs8Der().toString());
        }
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port() + "/" + database, properties);
    }

    /**
     * Changes settings of a dedicated server with ALTER SYSTEM (a null value resets one) and reloads,
     * returning once new connections see the reloaded configuration. Only reloadable settings (the ssl
     * ones are) take effect without {@code server().restart()}.
     */
    public void reconfigure(Map<String, String> settings) throws SQLException {
        if (!dedicated) {
            throw new IllegalStateException("The shared test server's configuration is fixed; use startDedicated");
        }
        Timestamp loadedBefore;
        try (Connection c = connect(SUPERUSER, "postgres");
                Statement s = c.createStatement()) {
            loadedBefore = configurationLoadTime(s);
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                String key = Objects.requireNonNull(setting.getKey());
                if (setting.getValue() == null) {
                    s.execute("ALTER SYSTEM RESET " + key);
                } else {
                    s.execute("ALTER SYSTEM SET " + key + " = " + literal(setting.getValue()));
                }
            }
            s.execute("SELECT pg_reload_conf()");
        }
        awaitReload(loadedBefore);
    }

    /** The postmaster reloads asynchronously; new backends inherit its load time once it has. */
    private void awaitReload(Timestamp loadedBefore) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection c = connect(SUPERUSER, "postgres");
                    Statement s = c.createStatement()) {
                if (configurationLoadTime(s).after(loadedBefore)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("The server did not reload its configuration within 10 seconds");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
    }

    private static Timestamp configurationLoadTime(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** Stops a dedicated server; the shared server keeps running until the JVM exits. */
    @Override
    public void close() {
        if (dedicated) {
            server.close();
        }
    }

    /** True when the tests run as root (so the server runs as nobody). */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static Environment environment() {
        Environment current = environment;
        if (current == null) {
            synchronized (TestServer.class) {
                current = environment;
                if (current == null) {
                    current = Environment.create();
                    environment = current;
                }
            }
        }
        return current;
    }

    /** What every test server of this JVM shares: a temp directory, the binaries and the certificates. */
    private record Environment(Path directory, PgBinaries binaries, TestCertificates certificates) {
        static Environment create() {
            try {
                // Under the system temp dir and 755: as root the server runs as nobody and must reach it.
                Path directory =
                        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pgdesk-test-");
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
                // Registered first, so a failure below leaves nothing behind either.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(directory), "pgdesk-test-cleanup"));
                TestCertificates certificates = TestCertificates.generate(directory.resolve("certs"));
                Files.setPosixFilePermissions(certificates.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
                Path jars = Path.of(System.getProperty("pgdesk.test.pgBinaries", "target/pg-binaries"));
                PgBinaries binaries = PgBinaries.fromJarDirectory(
                        jars, expectedVersion(), Path.of(System.getProperty("java.io.tmpdir"), "pgdesk-test-binaries"));
                return new Environment(directory, binaries, certificates);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LocalPostgresException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private static void cleanUp(Path directory) {
            STARTED.forEach(LocalPostgres::close);
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", directory, e.getMessage());
            }
        }
    }
}
