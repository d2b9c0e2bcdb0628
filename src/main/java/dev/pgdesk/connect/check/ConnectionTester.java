package dev.pgdesk.connect.check;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.DriverProperties;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.FailureExplainer.Diagnosis;
import dev.pgdesk.connect.check.FailureExplainer.Stage;
import dev.pgdesk.connect.tls.HandshakeFacts;
import dev.pgdesk.connect.tls.HandshakeRecorder;
import dev.pgdesk.task.CancellationToken;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests a profile outside any pool, step by step: host resolved, TCP connected, TLS, authenticated,
 * server facts. Never throws for a failed connection: the report explains it.
 */
public final class ConnectionTester {
    /** Used when the profile waits forever (0); a test should answer quickly. */
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    /** A test never waits longer than this, whatever the profile says. */
    static final int MAX_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);
    private static final int LATENCY_SAMPLES = 5;
    private static final String SUPERUSER_WARNING =
            "connected as a superuser: a dedicated non-superuser role is the recommended practice";

    /**
     * Runs the test on the calling thread, which must not be the UI thread: it blocks for up to the
     * profile's connect timeout (at most {@value #MAX_TIMEOUT_SECONDS} s, {@value #DEFAULT_TIMEOUT_SECONDS} s
     * when the profile has none). Cancelling {@code cancel} makes it return promptly with a "Cancelled"
     * failure; the abandoned attempt ends in the background and its connection, if any, is closed.
     *
     * @param password may be null when none is known
     * @param progress receives each step as it starts (RUNNING) and as it ends, on the calling thread
     * @param cancel may be null when the test cannot be cancelled
     */
    public ConnectionReport test(
            ConnectionProfile profile, String password, Consumer<CheckStep> progress, CancellationToken cancel) {
        return test(profile, Credentials.password(password), progress, cancel);
    }

    /** As {@link #test(ConnectionProfile, String, Consumer, CancellationToken)}, with a client key's password too. */
    public ConnectionReport test(
            ConnectionProfile profile,
            Credentials credentials,
            Consumer<CheckStep> progress,
            CancellationToken cancel) {
        String password = credentials.password();
        ConnectionProfile shortTimeout = withShortTimeout(profile);
        StepRecorder steps = new StepRecorder(progress == null ? step -> {} : progress);
        FailureExplainer explainer = new FailureExplainer(shortTimeout);
        CancellationToken token = cancel == null ? new CancellationToken() : cancel;
        Optional<Failure> failure;
        try {
            failure = new Attempt(shortTimeout, credentials, steps, explainer, token).run();
        } catch (RuntimeException e) {
            LOG.warn("Connection test of {} ended unexpectedly", profile.displayTarget(), e);
            Failure explained = explainer.explain(e);
            steps.failCurrent(explained.title());
            failure = Optional.of(explained);
        }
        steps.skipRest();
        return new ConnectionReport(steps.steps(), failure);
    }

    static ConnectionProfile withShortTimeout(ConnectionProfile profile) {
        int seconds = profile.connectTimeoutSeconds() <= 0
                ? DEFAULT_TIMEOUT_SECONDS
                : Math.min(profile.connectTimeoutSeconds(), MAX_TIMEOUT_SECONDS);
        return profile.toBuilder().connectTimeoutSeconds(seconds).build();
    }

    /** One run of the test. */
    private static final class Attempt {
        private final ConnectionProfile profile;
        private final Credentials credentials;
        private final String password;
        private final StepRecorder steps;
        private final FailureExplainer explainer;
        private final CancellationToken cancel;

        Attempt(
                ConnectionProfile profile,
                Credentials credentials,
                StepRecorder steps,
                FailureExplainer explainer,
                CancellationToken cancel) {
            this.profile = profile;
            this.credentials = credentials;
            this.password = credentials.password();
            this.steps = steps;
            this.explainer = explainer;
            this.cancel = cancel;
        }

        Optional<Failure> run() {
            steps.start(StepKind.RESOLVE_HOST);
            InetAddress[] addresses;
            try {
                addresses = Abandonable.run(() -> InetAddress.getAllByName(profile.host()), cancel, a -> {});
            } catch (Exception e) {
                return fail(e);
            }
            steps.finish(
                    StepStatus.OK,
                    profile.host() + " → "
                            + Arrays.stream(addresses)
                                    .map(InetAddress::getHostAddress)
                                    .collect(Collectors.joining(", ")),
                    "");

            steps.start(StepKind.TCP_CONNECT);
            Optional<Failure> tcpFailure = connectTcp(addresses);
            if (tcpFailure.isPresent()) {
                return tcpFailure;
            }

            steps.start(StepKind.TLS);
            if (profile.sslMode().requiresRootCertificate() && profile.sslRootCert() == null) {
                Failure failure = explainer.rootCertificateRequired();
                steps.finish(StepStatus.FAILED, failure.title(), failure.explanation());
                return Optional.of(failure);
            }
            Connection connection;
            Optional<HandshakeFacts> handshake;
            try (HandshakeRecorder.Recording recording = HandshakeRecorder.open()) {
                Properties properties = DriverProperties.of(profile, credentials);
                recording.attachTo(properties);
                try {
                    connection = Abandonable.run(() -> driverConnect(properties), cancel, ConnectionTester::close);
                } catch (Exception e) {
                    return failDriver(e, recording.lastHandshake());
                }
                handshake = recording.lastHandshake();
            }
            try {
                cancel.onCancel(() -> abort(connection));
                return describeServer(connection, handshake);
            } catch (Exception e) {
                return fail(e);
            } finally {
                close(connection);
            }
        }

        private Optional<Failure> connectTcp(InetAddress[] addresses) {
            int timeoutMillis = profile.connectTimeoutSeconds() * 1000;
            List<String> refused = new ArrayList<>();
            Exception lastError = null;
            for (InetAddress address : addresses) {
                InetSocketAddress endpoint = new InetSocketAddress(address, profile.port());
                try {
                    long started = System.nanoTime();
                    Abandonable.run(
                            () -> {
                                try (Socket socket = new Socket()) {
                                    socket.connect(endpoint, timeoutMillis);
                                }
                                return endpoint;
                            },
                            cancel,
                            e -> {});
                    steps.finish(
                            StepStatus.OK,
                            address.getHostAddress() + " port " + profile.port() + " in "
                                    + millis(Duration.ofNanos(System.nanoTime() - started)),
                            refused.isEmpty() ? "" : "Failed first: " + String.join(", ", refused));
                    return Optional.empty();
                } catch (Exception e) {
                    if (cancel.isCancelled()) {
                        return fail(e);
                    }
                    refused.add(address.getHostAddress());
                    lastError = e;
                }
            }
            return fail(lastError);
        }

        private Connection driverConnect(Properties properties) throws SQLException {
            Connection connection = new org.postgresql.Driver().connect(DriverProperties.jdbcUrl(profile), properties);
            if (connection == null) {
                throw new SQLException("The driver did not accept the connection URL.");
            }
            return connection;
        }

        private Optional<Failure> failDriver(Exception error, Optional<HandshakeFacts> handshake) {
            // The TCP step connected just before, so a timeout here is the server not answering.
            Diagnosis diagnosis = explainer.diagnose(error, password != null, handshake.isPresent(), true);
            LOG.debug("Connection test of {} failed", profile.displayTarget(), error);
            boolean pastTls = handshake.isPresent() || profile.sslMode() == SslMode.DISABLE;
            boolean authStage =
                    diagnosis.stage() == Stage.AUTHENTICATION || (diagnosis.stage() == Stage.NETWORK && pastTls);
            if (!authStage) {
                // What the server presented helps most when its certificate was the problem.
                steps.failCurrent(diagnosis.failure().title(), certificateDetail(handshake));
                return Optional.of(diagnosis.failure());
            }
            finishTlsWithoutServer(handshake);
            steps.start(StepKind.AUTHENTICATE);
            return fail(diagnosis);
        }

        private void finishTlsWithoutServer(Optional<HandshakeFacts> handshake) {
            if (handshake.isPresent()) {
                steps.finish(StepStatus.OK, encryptedSummary(handshake.get(), "", ""), certificateDetail(handshake));
            } else {
                steps.finish(notEncryptedStatus(), notEncryptedSummary(), "");
            }
        }

        private Optional<Failure> describeServer(Connection connection, Optional<HandshakeFacts> handshake)
                throws Exception {
            ServerFacts facts = Abandonable.run(() -> ServerFacts.query(connection), cancel, f -> {});
            if (facts.ssl()) {
                steps.finish(
                        StepStatus.OK,
                        encryptedSummary(handshake.orElse(null), facts.sslVersion(), facts.sslCipher()),
                        certificateDetail(handshake));
            } else {
                steps.finish(notEncryptedStatus(), notEncryptedSummary(), "");
            }
            steps.start(StepKind.AUTHENTICATE);
            steps.finish(StepStatus.OK, "logged in as " + facts.user() + " to database " + profile.database(), "");

            steps.start(StepKind.SERVER_INFO);
            Duration latency = Abandonable.run(() -> medianLatency(connection), cancel, d -> {});
            String sslInUse = facts.ssl() ? "yes (" + facts.sslVersion() + ")" : "no";
            String detail = String.join(
                    "\n",
                    "Server version: " + facts.version(),
                    "Current user: " + facts.user(),
                    "Superuser: " + (facts.superuser() ? "yes" : "no"),
                    "SSL in use (pg_stat_ssl): " + sslInUse,
                    "Round-trip latency: " + millis(latency) + " (median of " + LATENCY_SAMPLES + ")");
            String basics = "PostgreSQL " + facts.version() + " as " + facts.user();
            if (facts.superuser()) {
                steps.finish(StepStatus.WARNING, basics + "; " + SUPERUSER_WARNING, detail);
            } else {
                steps.finish(
                        StepStatus.OK,
                        basics + ", SSL " + (facts.ssl() ? "in use" : "not in use") + ", round trip " + millis(latency),
                        detail);
            }
            return Optional.empty();
        }

        private String encryptedSummary(HandshakeFacts facts, String serverVersion, String serverCipher) {
            String protocol = facts != null && !facts.protocol().isEmpty() ? facts.protocol() : serverVersion;
            String cipher = facts != null && !facts.cipherSuite().isEmpty() ? facts.cipherSuite() : serverCipher;
            String prefix = protocol + ", " + cipher + "; ";
            if (facts == null || facts.verification() != HandshakeFacts.Verification.VERIFIED) {
                return prefix + "encrypted, certificate NOT verified (" + notVerifiedReason() + ")";
            }
            String against = "certificate verified against "
                    + facts.rootFile().map(Object::toString).orElse("the root certificate")
                    + facts.trustAnchor().map(a -> " (" + a + ")").orElse("");
            return prefix
                    + against
                    + (profile.sslMode() == SslMode.VERIFY_FULL ? ", host name " + profile.host() + " matches" : "");
        }

        private String notVerifiedReason() {
            SslMode mode = profile.sslMode();
            return mode == SslMode.REQUIRE
                    ? "require without a root certificate does not check it"
                    : mode + " does not check it";
        }

        private String certificateDetail(Optional<HandshakeFacts> handshake) {
            if (handshake.isEmpty()) {
                return "";
            }
            HandshakeFacts facts = handshake.get();
            List<String> lines = new ArrayList<>();
            lines.add("Server certificate: " + facts.serverSubject());
            lines.add("Issued by: " + facts.serverIssuer());
            if (!facts.serverNames().isEmpty()) {
                lines.add("Issued for: " + String.join(", ", facts.serverNames()));
            }
            lines.add("Valid until: " + facts.serverNotAfter());
            facts.clientCertificate().ifPresent(c -> lines.add("Client certificate sent: " + c));
            return String.join("\n", lines);
        }

        private StepStatus notEncryptedStatus() {
            return profile.sslMode() == SslMode.DISABLE ? StepStatus.OK : StepStatus.WARNING;
        }

        private String notEncryptedSummary() {
            switch (profile.sslMode()) {
                case DISABLE:
                    return "not encrypted (SSL mode disable)";
                case ALLOW:
                    return "not encrypted: allow uses SSL only when the server insists on it";
                default:
                    return "not encrypted: the server does not offer SSL, so " + profile.sslMode()
                            + " fell back to plain text";
            }
        }

        private Optional<Failure> fail(Exception error) {
            LOG.debug("Connection test of {} failed", profile.displayTarget(), error);
            return fail(explainer.diagnose(error));
        }

        private Optional<Failure> fail(Diagnosis diagnosis) {
            steps.failCurrent(diagnosis.failure().title());
            return Optional.of(diagnosis.failure());
        }
    }

    private static Duration medianLatency(Connection connection) throws SQLException {
        List<Long> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long started = System.nanoTime();
                try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                }
                samples.add(System.nanoTime() - started);
            }
        }
        samples.sort(null);
        return Duration.ofNanos(samples.get(samples.size() / 2));
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
    }

    private static void abort(Connection connection) {
        try {
            // abort closes the socket without waiting for a running query, unlike close.
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Aborting the test connection failed", e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the test connection failed", e);
        }
    }

    /** What the server says about the session. */
    private record ServerFacts(
            String version, String user, boolean superuser, boolean ssl, String sslVersion, String sslCipher) {

        static ServerFacts query(Connection connection) throws SQLException {
            String sql = "SELECT current_setting('server_version'), current_user,"
                    + " current_setting('is_superuser') = 'on', coalesce(s.ssl, false), s.version, s.cipher"
                    + " FROM (SELECT 1) AS one LEFT JOIN pg_stat_ssl AS s ON s.pid = pg_backend_pid()";
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return new ServerFacts(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        String.valueOf(rs.getString(5)),
                        String.valueOf(rs.getString(6)));
            }
        }
    }
}
