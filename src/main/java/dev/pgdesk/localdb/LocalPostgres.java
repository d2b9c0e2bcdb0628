package dev.pgdesk.localdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that pgdesk runs itself, on the loopback interface only: the sample database and
 * the test suite. The data directory is created with {@code initdb} on first start (superuser with a
 * SCRAM password, UTF-8, no locale) and reused afterwards.
 *
 * <p>Settings go into {@code pgdesk.conf} in the data directory, which {@code postgresql.conf} includes;
 * it is rewritten on every start, so the builder's settings always win over earlier ones (but not over
 * {@code ALTER SYSTEM}, which PostgreSQL reads last). {@code pg_hba.conf} is rewritten on every start
 * too.
 *
 * <p>As root, every server program runs as {@code nobody} (PostgreSQL refuses root), so the data
 * directory must be somewhere {@code nobody} can reach: not under {@code /root}.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";

    static final String SETTINGS_FILE = "pgdesk.conf";
    private static final String DEFAULT_LOG_FILE = "pgdesk-server.log";
    private static final long MAX_LOG_BYTES = 5L * 1024 * 1024;
    private static final Set<String> OWN_SETTINGS = Set.of("port", "listen_addresses", "unix_socket_directories");
    private static final int START_ATTEMPTS = 3;
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final PgBinaries binaries;
    private final Path dataDirectory;
    private final String superuser;
    private final String superuserPassword;
    private final Map<String, String> settings;
    private final List<String> hbaLines;
    private final Path logFile;
    private final boolean stopOnExit;

    private ServerAccount account;
    private int port;
    private boolean running;
    /** Where this start's part of the (appended) log begins, so old runs' errors are not blamed. */
    private long logStart;

    private Thread shutdownHook;

    private LocalPostgres(Builder builder) {
        this.binaries = builder.binaries;
        this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        this.port = builder.port;
        this.superuser = builder.superuser;
        this.superuserPassword = builder.superuserPassword != null ? builder.superuserPassword : randomPassword();
        this.settings = Map.copyOf(builder.settings);
        this.hbaLines = builder.hbaLines.isEmpty() ? defaultHbaLines() : List.copyOf(builder.hbaLines);
        this.logFile = builder.logFile != null
                ? builder.logFile.toAbsolutePath().normalize()
                : dataDirectory.resolve(DEFAULT_LOG_FILE);
        this.stopOnExit = builder.stopOnExit;
    }

    /** A builder for a server from {@code binaries} whose data lives in {@code dataDirectory}. */
    public static Builder builder(PgBinaries binaries, Path dataDirectory) {
        return new Builder(binaries, dataDirectory);
    }

    /** A random password of 24 URL-safe characters (144 bits). */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Starts the server, running {@code initdb} first if the data directory is missing or empty. Returns
     * once the server accepts connections.
     *
     * @throws LocalPostgresException naming the problem, with the end of the server log
     */
    public synchronized void start() throws LocalPostgresException {
        if (running) {
            return;
        }
        account = ServerAccount.current();
        account.checkReachable(dataDirectory);
        if (!isInitialized()) {
            initdb();
        }
        checkVersionMatches();
        stopLeftoverServer();
        // A port picked here is kept for restarts: clients and tests hold on to it.
        boolean pickPort = port == 0;
        for (int attempt = 1; ; attempt++) {
            if (pickPort) {
                port = freePort();
            }
            writeConfiguration();
            prepareLogFile();
            logStart = logSize();
            long started = System.nanoTime();
            // The port is in pgdesk.conf too; on the command line it also beats ALTER SYSTEM.
            ServerCommand.Result result = ServerCommand.run(
                    account,
                    List.of(
                            binaries.bin("pg_ctl").toString(),
                            "-D",
                            dataDirectory.toString(),
                            "-l",
                            logFile.toString(),
                            "-o",
                            "-p " + port,
                            "-w",
                            "-t",
                            "60",
                            "start"),
                    PG_CTL_TIMEOUT);
            if (result.succeeded()) {
                running = true;
                LOG.info(
                        "PostgreSQL {} started on {}:{} from {} in {} ms",
                        binaries.version(),
                        HOST,
                        port,
                        dataDirectory,
                        (System.nanoTime() - started) / 1_000_000);
                registerShutdownHook();
                return;
            }
            stopHalfStartedServer();
            String log = logTail();
            boolean portTaken = log.contains("could not bind") || log.contains("Address already in use");
            if (pickPort && portTaken && attempt < START_ATTEMPTS) {
                LOG.info("Port {} was taken before the server bound it; trying another", port);
                continue;
            }
            throw new LocalPostgresException(startFailure(result.output(), log));
        }
    }

    /** Stops the server quickly (open sessions are rolled back); does nothing if it is not running. */
    public synchronized void stop() throws LocalPostgresException {
        if (!running) {
            return;
        }
        ServerCommand.Result result = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        if (!result.succeeded() && isRunning()) {
            throw new LocalPostgresException("PostgreSQL in " + dataDirectory + " did not stop: "
                    + result.output().strip() + "\nServer log (end of " + logFile + "):\n" + logTail());
        }
        running = false;
        removeShutdownHook();
        LOG.info("PostgreSQL on {}:{} stopped", HOST, port);
    }

    /**
     * Stops a server running on this data directory that this object did not start: one another process
     * started and left running. Does nothing when none runs.
     */
    public synchronized void stopServerStartedElsewhere() throws LocalPostgresException {
        if (!isRunning()) {
            return;
        }
        ServerCommand.Result result = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        if (!result.succeeded() && isRunning()) {
            throw new LocalPostgresException("PostgreSQL in " + dataDirectory + " did not stop: "
                    + result.output().strip());
        }
        LOG.info("PostgreSQL in {} stopped", dataDirectory);
    }

    /** Stops and starts the server again, on the same port. */
    public synchronized void restart() throws LocalPostgresException {
        stop();
        start();
    }

    /** Makes the running server re-read its configuration files (pg_hba.conf, reloadable settings). */
    public synchronized void reload() throws LocalPostgresException {
        ServerCommand.Result result = pgCtl("reload");
        if (!result.succeeded()) {
            throw new LocalPostgresException("PostgreSQL in " + dataDirectory + " could not reload its configuration: "
                    + result.output().strip());
        }
    }

    /** Same as {@link #stop()}, but never throws: failures are logged. Safe to call twice. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (LocalPostgresException e) {
            LOG.warn("Could not stop PostgreSQL in {}: {}", dataDirectory, e.getMessage());
        }
    }

    /** True when a server is running on this data directory (asks {@code pg_ctl status}). */
    public synchronized boolean isRunning() {
        if (!isInitialized()) {
            return false;
        }
        try {
            if (account == null) {
                account = ServerAccount.current();
            }
            return pgCtl("status").succeeded();
        } catch (LocalPostgresException e) {
            LOG.debug("pg_ctl status failed: {}", e.getMessage());
            return false;
        }
    }

    /** The address to connect to: {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The TCP port; chosen at first start when the builder said 0. */
    public synchronized int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    public PgBinaries binaries() {
        return binaries;
    }

    public String superuser() {
        return superuser;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** A pgjdbc URL for a database on this server (without credentials). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** The major version of the data directory (from PG_VERSION), or of the binaries before initdb. */
    public int majorVersion() {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        try {
            if (Files.isRegularFile(versionFile)) {
                return Integer.parseInt(Files.readString(versionFile).trim());
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Unreadable {}: {}", versionFile, e.getMessage());
        }
        return binaries.majorVersion();
    }

    private boolean isInitialized() {
        return Files.isRegularFile(dataDirectory.resolve("PG_VERSION"));
    }

    private void initdb() throws LocalPostgresException {
        prepareEmptyDataDirectory();
        Path passwordFile = null;
        try {
            passwordFile = writePasswordFile();
            long started = System.nanoTime();
            ServerCommand.Result result = ServerCommand.run(
                    account,
                    List.of(
                            binaries.bin("initdb").toString(),
                            "-D",
                            dataDirectory.toString(),
                            "-U",
                            superuser,
                            "--pwfile=" + passwordFile,
                            "--auth=scram-sha-256",
                            "-E",
                            "UTF8",
                            "--no-locale"),
                    INITDB_TIMEOUT);
            if (!result.succeeded()) {
                throw new LocalPostgresException("Could not create a PostgreSQL data directory in " + dataDirectory
                        + " (initdb exited with " + result.exitCode() + "):\n" + tail(result.output(), 20));
            }
            Path conf = dataDirectory.resolve("postgresql.conf");
            Files.writeString(
                    conf,
                    "\n# Settings written by pgdesk on every start.\ninclude_if_exists = '" + SETTINGS_FILE + "'\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            LOG.info(
                    "Created PostgreSQL data directory {} in {} ms",
                    dataDirectory,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not prepare the PostgreSQL data directory " + dataDirectory + ": " + e.getMessage(), e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary password file {}", passwordFile);
                }
            }
        }
    }

    private void prepareEmptyDataDirectory() throws LocalPostgresException {
        try {
            if (Files.exists(dataDirectory, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dataDirectory)) {
                throw new LocalPostgresException("The PostgreSQL data directory " + dataDirectory
                        + " is a file, not a directory. Remove it or choose another data directory.");
            }
            if (Files.isDirectory(dataDirectory)) {
                try (Stream<Path> entries = Files.list(dataDirectory)) {
                    if (entries.findAny().isPresent()) {
                        throw new LocalPostgresException(
                                "The directory " + dataDirectory + " is not empty but holds no"
                                        + " PostgreSQL data (PG_VERSION is missing). Empty it or choose another data directory.");
                    }
                }
            } else {
                Files.createDirectories(dataDirectory);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
            }
            account.takeOwnership(dataDirectory);
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not create the PostgreSQL data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private Path writePasswordFile() throws IOException {
        Path file = POSIX
                ? Files.createTempFile(
                        "pgdesk-pw",
                        ".txt",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("pgdesk-pw", ".txt");
        Files.writeString(file, superuserPassword + "\n", StandardCharsets.UTF_8);
        account.takeOwnership(file);
        return file;
    }

    private void checkVersionMatches() throws LocalPostgresException {
        int dataVersion = majorVersion();
        int binaryVersion = binaries.majorVersion();
        if (binaryVersion != 0 && dataVersion != binaryVersion) {
            throw new LocalPostgresException("The data directory " + dataDirectory + " was created by PostgreSQL "
                    + dataVersion + ", but these binaries are PostgreSQL " + binaryVersion
                    + ". Use a new data directory (or upgrade the old one with pg_upgrade).");
        }
    }

    /** pg_ctl gives up waiting after its timeout but leaves a slow server starting: do not leak it. */
    private void stopHalfStartedServer() {
        try {
            if (pgCtl("status").succeeded()) {
                pgCtl("stop", "-m", "immediate", "-w", "-t", "30");
            }
        } catch (LocalPostgresException e) {
            LOG.warn("Could not stop the server that failed to start in {}: {}", dataDirectory, e.getMessage());
        }
    }

    /** A server left running by an earlier launch that crashed would block the start: stop it. */
    private void stopLeftoverServer() throws LocalPostgresException {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        if (pgCtl("status").succeeded()) {
            LOG.warn("A PostgreSQL server left over from an earlier launch runs on {}; stopping it", dataDirectory);
            pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        }
    }

    private void writeConfiguration() throws LocalPostgresException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("port", Integer.toString(port));
        all.put("listen_addresses", HOST);
        all.put("unix_socket_directories", "");
        all.putAll(settings);
        StringBuilder conf = new StringBuilder("# Written by pgdesk at every start; edits are lost.\n");
        all.forEach((name, value) -> conf.append(name)
                .append(" = '")
                .append(value.replace("'", "''"))
                .append("'\n"));
        StringBuilder hba = new StringBuilder("# Written by pgdesk at every start; edits are lost.\n");
        hbaLines.forEach(line -> hba.append(line).append('\n'));
        try {
            writeServerFile(dataDirectory.resolve(SETTINGS_FILE), conf.toString());
            writeServerFile(dataDirectory.resolve("pg_hba.conf"), hba.toString());
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not write the server configuration in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private void writeServerFile(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        account.takeOwnership(file);
    }

    private void prepareLogFile() throws LocalPostgresException {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.isRegularFile(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
                Files.move(
                        logFile,
                        logFile.resolveSibling(logFile.getFileName() + ".old"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            account.takeOwnership(logFile);
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not create the server log file " + logFile + ": " + e.getMessage(), e);
        }
    }

    private ServerCommand.Result pgCtl(String action, String... options) throws LocalPostgresException {
        List<String> command =
                new ArrayList<>(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString()));
        command.add(action);
        command.addAll(List.of(options));
        return ServerCommand.run(account, command, PG_CTL_TIMEOUT);
    }

    private String startFailure(String pgCtlOutput, String log) {
        String reason = firstLine(log, "FATAL:");
        if (reason == null) {
            reason = firstLine(pgCtlOutput, "pg_ctl:");
        }
        if (reason == null) {
            reason = "the server exited during startup";
        }
        return "PostgreSQL did not start on " + HOST + ":" + port + " (data directory " + dataDirectory + "): "
                + reason.strip() + "\nServer log (end of " + logFile + "):\n" + log;
    }

    private static String firstLine(String text, String marker) {
        return text.lines()
                .filter(l -> l.contains(marker))
                .findFirst()
                .map(l -> l.substring(l.indexOf(marker)))
                .orElse(null);
    }

    private String logTail() {
        try {
            if (!Files.isRegularFile(logFile)) {
                return "(no log)";
            }
            byte[] all = Files.readAllBytes(logFile);
            int from = logStart <= all.length ? (int) logStart : 0;
            return tail(new String(all, from, all.length - from, StandardCharsets.UTF_8), 20);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private long logSize() {
        try {
            return Files.isRegularFile(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int freePort() throws LocalPostgresException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalPostgresException("Could not find a free TCP port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static List<String> defaultHbaLines() {
        return List.of("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
    }

    private void registerShutdownHook() {
        if (!stopOnExit || shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(this::stopAtExit, "pgdesk-stop-postgres");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void stopAtExit() {
        shutdownHook = null; // already running: must not be removed
        close();
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + binaries.version() + " on " + HOST + ":" + port + " (" + dataDirectory + ")";
    }

    /** Collects the server's configuration; {@link #build()} makes a server that is not started yet. */
    public static final class Builder {
        private final PgBinaries binaries;
        private final Path dataDirectory;
        private int port;
        private String superuser = "postgres";
        private String superuserPassword;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<String> hbaLines = new ArrayList<>();
        private Path logFile;
        private boolean stopOnExit = true;

        private Builder(PgBinaries binaries, Path dataDirectory) {
            this.binaries = Objects.requireNonNull(binaries, "binaries");
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        /** The TCP port; 0 (the default) picks a free one at start and keeps it for restarts. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The superuser initdb creates; {@code postgres} by default. */
        public Builder superuser(String superuser) {
            if (superuser == null || superuser.isBlank()) {
                throw new IllegalArgumentException("the superuser name must not be empty");
            }
            this.superuser = superuser;
            return this;
        }

        /**
         * The superuser's password, set by initdb when it creates the data directory (an existing data
         * directory keeps its password). Random by default.
         */
        public Builder superuserPassword(String superuserPassword) {
            if (superuserPassword == null || superuserPassword.isEmpty() || superuserPassword.contains("\n")) {
                throw new IllegalArgumentException("the superuser password must be non-empty and on one line");
            }
            this.superuserPassword = superuserPassword;
            return this;
        }

        /** A postgresql.conf setting, for example {@code ssl} = {@code on}. Replaces an earlier value. */
        public Builder setting(String name, String value) {
            String key = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
            if (OWN_SETTINGS.contains(key)) {
                throw new IllegalArgumentException(
                        key + " is managed by LocalPostgres (loopback only); use port(int) for the port");
            }
            settings.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Several settings at once; see {@link #setting(String, String)}. */
        public Builder settings(Map<String, String> more) {
            more.forEach(this::setting);
            return this;
        }

        /** Removes a setting given earlier, so the server default applies. */
        public Builder removeSetting(String name) {
            settings.remove(name.trim().toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * The lines of pg_hba.conf, in order, replacing earlier ones. Without any, the file allows every
         * user with a SCRAM password over loopback.
         */
        public Builder hbaLines(List<String> lines) {
            hbaLines.clear();
            hbaLines.addAll(lines);
            return this;
        }

        /** The server log; {@code pgdesk-server.log} in the data directory by default. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Whether a JVM shutdown stops the server (default true). */
        public Builder stopOnExit(boolean stopOnExit) {
            this.stopOnExit = stopOnExit;
            return this;
        }

        public LocalPostgres build() {
            return new LocalPostgres(this);
        }
    }
}
