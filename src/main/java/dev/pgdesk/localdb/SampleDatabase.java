package dev.pgdesk.localdb;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.SslMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-click sample database: a local PostgreSQL in the user's data directory, on a free loopback
 * port, loaded with a small realistic schema on first use and reused afterwards.
 *
 * <p>Layout of the data directory: {@code pgdata/} (the PostgreSQL cluster), {@code password} (the
 * superuser's random password, mode 0600) and {@code server.log}. The sample is loaded in one
 * transaction that ends by writing {@code pgdesk_sample_info}; a database without that row is a load
 * that did not finish, and is dropped and loaded again.
 */
public final class SampleDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SampleDatabase.class);

    /** The id of {@link #profile()}, the same at every launch so the UI can recognise the sample. */
    public static final String PROFILE_ID = "pgdesk-sample-database";

    /** The name the sample goes by in the window and on the command line. */
    public static final String NAME = "Sample database";

    public static final String DATABASE = "sample";
    public static final String SUPERUSER = "postgres";

    /**
     * Bumped when the schema or data change; recorded in pgdesk_sample_info. A sample loaded with an older
     * version is dropped and loaded again, so users see the new objects.
     */
    static final int SAMPLE_VERSION = 2;

    private static final String CLUSTER_DIRECTORY = "pgdata";
    private static final String PASSWORD_FILE = "password";
    private static final String LOG_FILE = "server.log";
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final LocalPostgres server;

    private SampleDatabase(LocalPostgres server) {
        this.server = server;
    }

    /**
     * Where the sample lives for an app data directory: {@code <appData>/sample}. When pgdesk runs as
     * root it is {@code /var/tmp/pgdesk-root/sample} instead: the server then runs as {@code nobody},
     * which cannot enter {@code /root} (mode 0700).
     */
    public static Path defaultDataDirectory(Path appDataDirectory) {
        if (Platform.isRoot()) {
            return Path.of("/var/tmp", "pgdesk-" + System.getProperty("user.name", "root"), "sample");
        }
        return appDataDirectory.resolve("sample");
    }

    /**
     * Starts the server (creating and loading the database the first time). Blocks for seconds: call it
     * off the FX thread. {@code progress} hears short status lines.
     */
    public static SampleDatabase start(Path dataDirectory, Consumer<String> progress) throws LocalPostgresException {
        return start(dataDirectory, progress, true);
    }

    /** @param stopOnExit whether the JVM's exit stops the server (a {@link RunningSample} decides that itself) */
    private static SampleDatabase start(Path dataDirectory, Consumer<String> progress, boolean stopOnExit)
            throws LocalPostgresException {
        Objects.requireNonNull(progress, "progress");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        progress.accept("Preparing the PostgreSQL server files…");
        prepareDirectory(directory);
        Path parent = directory.getParent() != null ? directory.getParent() : directory;
        PgBinaries binaries = PgBinaries.fromClasspath(parent.resolve("pg-binaries"));
        Path cluster = directory.resolve(CLUSTER_DIRECTORY);
        discardUnusableCluster(cluster, binaries, progress);
        String password = password(directory, cluster);

        LocalPostgres server = LocalPostgres.builder(binaries, cluster)
                .superuser(SUPERUSER)
                .superuserPassword(password)
                .logFile(directory.resolve(LOG_FILE))
                .setting("password_encryption", "scram-sha-256")
                .setting("shared_preload_libraries", "pg_stat_statements")
                .setting("max_connections", "40")
                .stopOnExit(stopOnExit)
                .build();
        progress.accept(
                Files.isRegularFile(cluster.resolve("PG_VERSION"))
                        ? "Starting PostgreSQL " + binaries.version() + "…"
                        : "Creating a PostgreSQL " + binaries.version() + " server…");
        server.start();
        SampleDatabase sample = new SampleDatabase(server);
        try {
            sample.ensureLoaded(progress);
        } catch (SQLException | IOException e) {
            server.close();
            throw new LocalPostgresException("The sample database could not be loaded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        progress.accept("Sample database ready on " + server.host() + ":" + server.port());
        return sample;
    }

    /** A profile for the running sample server (not saved; SSL disabled on loopback). */
    public ConnectionProfile profile() {
        return ConnectionProfile.builder()
                .id(PROFILE_ID)
                .name(NAME)
                .host(server.host())
                .port(server.port())
                .database(DATABASE)
                .user(SUPERUSER)
                .sslMode(SslMode.DISABLE)
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
    }

    /**
     * The sample server in {@code dataDirectory}, shared with the user's other pgdesk windows and commands: the
     * one already running there, or else one started now (see {@link #start}). The caller becomes one of its
     * users until it closes the result; the last user to close it stops the server. {@code progress} hears
     * status lines only when a server starts. While one process starts the server, the others wait here.
     *
     * @throws LocalPostgresException when a server runs there but cannot be used (it does not answer, or the
     *     password file is missing), or when starting fails
     */
    public static RunningSample attachOrStart(Path dataDirectory, Consumer<String> progress)
            throws LocalPostgresException {
        Objects.requireNonNull(progress, "progress");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        prepareDirectory(directory); // before the users' files go in, so that it gets its owner-only mode
        SampleUsers users = new SampleUsers(directory);
        return users.whileLocked(() -> {
            // Users whose processes ended are forgotten here, so a server they left behind is taken over.
            users.anyAlive();
            Optional<SampleEndpoint> running = findRunning(directory);
            if (running.isPresent()) {
                LOG.info("Using the sample database already running from {}", directory);
                return new RunningSample(running.get(), null, users, users.join(), directory);
            }
            SampleDatabase started = start(directory, progress, false);
            SampleEndpoint endpoint = new SampleEndpoint(started.profile(), started.password());
            return new RunningSample(endpoint, started, users, users.join(), directory);
        });
    }

    /** Stops the sample server running from {@code directory} that another process started. */
    static void stopServerStartedElsewhere(Path directory) throws LocalPostgresException {
        Path parent = directory.getParent() != null ? directory.getParent() : directory;
        PgBinaries binaries = PgBinaries.fromClasspath(parent.resolve("pg-binaries"));
        LocalPostgres.builder(binaries, directory.resolve(CLUSTER_DIRECTORY))
                .stopOnExit(false)
                .build()
                .stopServerStartedElsewhere();
    }

    /**
     * The sample server running from {@code directory}, if its postmaster.pid names a live postmaster that
     * answers on the recorded port with the saved password: how to reach it, for a look that does not keep it
     * running (a command that connects takes it with {@link #attachOrStart}).
     *
     * @throws LocalPostgresException when a server runs there but cannot be used (see {@link #attachOrStart})
     */
    public static Optional<SampleEndpoint> findRunning(Path dataDirectory) throws LocalPostgresException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path cluster = directory.resolve(CLUSTER_DIRECTORY);
        Optional<PostmasterPid> pid = PostmasterPid.read(cluster);
        if (pid.isEmpty() || !pid.get().isAlive()) {
            return Optional.empty();
        }
        int port = pid.get().port();
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        String password;
        try {
            password = Files.isRegularFile(passwordFile)
                    ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim()
                    : "";
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not read the sample database password in " + passwordFile + ": " + e.getMessage(), e);
        }
        if (password.isEmpty()) {
            throw new LocalPostgresException(
                    "The sample database server runs (pid " + pid.get().pid() + ") but its"
                            + " password file " + passwordFile + " is missing or empty. Close the Sample database in"
                            + " the pgdesk window (or stop the server) and try again.");
        }
        String url = "jdbc:postgresql://" + LocalPostgres.HOST + ":" + port + "/" + DATABASE;
        Properties properties = loaderProperties(password);
        try (Connection c = DriverManager.getConnection(url, properties);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public.pgdesk_sample_info') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new LocalPostgresException("The sample database on port " + port
                        + " is still being loaded (by the pgdesk window?). Wait a few seconds and try again.");
            }
        } catch (SQLException e) {
            throw new LocalPostgresException(
                    "A sample database server runs (pid " + pid.get().pid() + ") but does"
                            + " not accept connections on " + LocalPostgres.HOST + ":" + port + " (" + e.getMessage()
                            + "). If the pgdesk window is starting it, wait for it and try again.",
                    e);
        }
        ConnectionProfile profile = ConnectionProfile.builder()
                .id(PROFILE_ID)
                .name(NAME)
                .host(LocalPostgres.HOST)
                .port(port)
                .database(DATABASE)
                .user(SUPERUSER)
                .sslMode(SslMode.DISABLE)
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        return Optional.of(new SampleEndpoint(profile, password));
    }

    public String password() {
        return server.superuserPassword();
    }

    /** The server behind the sample, for its port or log file. */
    public LocalPostgres server() {
        return server;
    }

    /** Stops the server; the data stays for the next launch. */
    @Override
    public void close() {
        server.close();
    }

    private void ensureLoaded(Consumer<String> progress) throws SQLException, IOException {
        if (isLoaded()) {
            LOG.info("Reusing the sample database in {}", server.dataDirectory());
            return;
        }
        progress.accept("Loading the sample data (a few seconds)…");
        long started = System.nanoTime();
        try (Connection admin = connect("postgres");
                Statement s = admin.createStatement()) {
            // Whatever is there was left by a load that did not finish.
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + SUPERUSER);
        }
        try (Connection c = connect(DATABASE)) {
            c.setAutoCommit(false);
            try {
                load(c);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("Loaded the sample database in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Creates and fills the sample tables through {@code connection}, in its current transaction, and
     * records completion in pgdesk_sample_info last. The caller commits. Needs a superuser (it creates an
     * extension and a foreign-data wrapper) and an empty database.
     */
    public static void load(Connection connection) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute(resource("sample-schema.sql"));
            s.execute(resource("sample-data.sql"));
        }
        try (PreparedStatement info =
                connection.prepareStatement("INSERT INTO pgdesk_sample_info (version, loaded_at) VALUES (?, now())")) {
            info.setInt(1, SAMPLE_VERSION);
            info.executeUpdate();
        }
    }

    private boolean isLoaded() throws SQLException {
        try (Connection admin = connect("postgres");
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (Connection c = connect(DATABASE);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public.pgdesk_sample_info') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
            try (ResultSet info =
                    s.executeQuery("SELECT count(*) FROM pgdesk_sample_info WHERE version >= " + SAMPLE_VERSION)) {
                info.next();
                return info.getLong(1) > 0;
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), loaderProperties(server.superuserPassword()));
    }

    private static Properties loaderProperties(String password) {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", "disable");
        properties.setProperty("ApplicationName", "pgdesk sample loader");
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SampleDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the resource " + name + " is missing from this pgdesk build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void prepareDirectory(Path directory) throws LocalPostgresException {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new LocalPostgresException("The sample database directory " + directory
                        + " is a file, not a directory. Remove it and try again.");
            }
            if (POSIX) {
                // As root the server runs as nobody, who must be able to pass through to pgdata.
                String mode = Platform.isRoot() ? "rwxr-xr-x" : "rwx------";
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
                if (Platform.isRoot()) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(mode));
                }
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not create the sample database directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sample is disposable: a cluster that initdb left half-made, or one made by another major
     * version of PostgreSQL, is deleted and created afresh rather than reported as an error.
     */
    private static void discardUnusableCluster(Path cluster, PgBinaries binaries, Consumer<String> progress)
            throws LocalPostgresException {
        if (!Files.isDirectory(cluster)) {
            return;
        }
        Path versionFile = cluster.resolve("PG_VERSION");
        try {
            String reason = null;
            if (!Files.isRegularFile(versionFile)) {
                reason = "it was not fully created";
            } else {
                String version = Files.readString(versionFile).trim();
                if (binaries.majorVersion() != 0 && !version.equals(Integer.toString(binaries.majorVersion()))) {
                    reason = "it was made by PostgreSQL " + version + " and this pgdesk runs PostgreSQL "
                            + binaries.majorVersion();
                }
            }
            if (reason != null) {
                LOG.warn("Recreating the sample database in {}: {}", cluster, reason);
                progress.accept("Recreating the sample database (" + reason + ")…");
                FileTrees.deleteTree(cluster);
            }
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not inspect the sample database in " + cluster + ": " + e.getMessage(), e);
        }
    }

    /**
     * The superuser password: read from the password file, or made up (and saved before initdb uses it)
     * when the cluster is new.
     */
    private static String password(Path directory, Path cluster) throws LocalPostgresException {
        Path file = directory.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!saved.isEmpty()) {
                    return saved;
                }
            }
            if (Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
                // Without the password the existing cluster cannot be used; it only holds sample data.
                LOG.warn("The sample database password file {} is missing; recreating the sample", file);
                FileTrees.deleteTree(cluster);
            }
            String password = LocalPostgres.randomPassword();
            Path temporary = directory.resolve(PASSWORD_FILE + ".tmp");
            Files.deleteIfExists(temporary);
            if (POSIX) {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not read or write the sample database password in " + file + ": " + e.getMessage(), e);
        }
    }
}
