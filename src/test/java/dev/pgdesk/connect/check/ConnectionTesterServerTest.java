package dev.pgdesk.connect.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.tls.ClientKeys;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestCertificates;
import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Test Connection against a real server: the steps, the facts, and each failure explained. */
@Tag("server")
class ConnectionTesterServerTest {
    private static TestServer server;
    private static TestCertificates certs;

    @BeforeAll
    static void server() {
        server = TestServer.shared();
        certs = server.certificates();
    }

    private static ConnectionProfile.Builder verifiedProfile(String user) {
        return server.profile(user).sslMode(SslMode.VERIFY_FULL).sslRootCert(certs.caCert());
    }

    private static ConnectionReport test(ConnectionProfile profile, String password) {
        return new ConnectionTester().test(profile, password, step -> {}, new CancellationToken());
    }

    private static CheckStep step(ConnectionReport report, StepKind kind) {
        return report.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private static List<StepStatus> statuses(ConnectionReport report) {
        return report.steps().stream().map(CheckStep::status).toList();
    }

    @Test
    void everyStepIsReportedRunningThenDoneInOrder() {
        List<CheckStep> progress = new CopyOnWriteArrayList<>();

        ConnectionReport report = new ConnectionTester()
                .test(
                        verifiedProfile("alice").build(),
                        server.password("alice"),
                        progress::add,
                        new CancellationToken());

        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).extracting(CheckStep::kind).containsExactly(StepKind.values());
        assertThat(statuses(report)).containsOnly(StepStatus.OK);
        List<StepKind> expectedProgress = new ArrayList<>();
        List<StepStatus> expectedStatuses = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            expectedProgress.addAll(List.of(kind, kind));
            expectedStatuses.addAll(List.of(StepStatus.RUNNING, StepStatus.OK));
        }
        assertThat(progress).extracting(CheckStep::kind).containsExactlyElementsOf(expectedProgress);
        assertThat(progress).extracting(CheckStep::status).containsExactlyElementsOf(expectedStatuses);
    }

    @Test
    void reportNamesTheTlsFactsAndTheServer() {
        ConnectionReport report = test(verifiedProfile("alice").build(), server.password("alice"));

        CheckStep tls = step(report, StepKind.TLS);
        assertThat(tls.summary())
                .startsWith("TLSv1.")
                .contains("certificate verified against " + certs.caCert())
                .contains(TestCertificates.CA_NAME)
                .contains("host name localhost matches");
        assertThat(tls.detail()).contains("Server certificate: CN=localhost");
        CheckStep info = step(report, StepKind.SERVER_INFO);
        String major = TestServer.expectedVersion().split("\\.")[0];
        assertThat(info.summary()).startsWith("PostgreSQL " + major).contains("as alice");
        assertThat(info.detail())
                .contains("Current user: alice", "Superuser: no", "SSL in use (pg_stat_ssl): yes")
                .containsPattern("Round-trip latency: \\d+\\.\\d ms");
        assertThat(step(report, StepKind.RESOLVE_HOST).summary()).startsWith("localhost → ");
    }

    @Test
    void superuserGetsTheDedicatedRoleWarningAndOthersDoNot() {
        ConnectionReport asPostgres = test(verifiedProfile("postgres").build(), server.password("postgres"));
        ConnectionReport asAlice = test(verifiedProfile("alice").build(), server.password("alice"));

        assertThat(asPostgres.succeeded()).isTrue();
        assertThat(step(asPostgres, StepKind.SERVER_INFO).status()).isEqualTo(StepStatus.WARNING);
        assertThat(step(asPostgres, StepKind.SERVER_INFO).summary())
                .contains("connected as a superuser: a dedicated non-superuser role is the recommended practice");
        assertThat(step(asAlice, StepKind.SERVER_INFO).status()).isEqualTo(StepStatus.OK);
        assertThat(step(asAlice, StepKind.SERVER_INFO).summary()).doesNotContain("superuser");
    }

    @Test
    void clientCertificateWithPkcs8OrPkcs1PemKeyAuthenticatesCertuser() {
        for (Path key : List.of(certs.clientKeyPkcs8(), certs.clientKeyPkcs1())) {
            ConnectionProfile profile = verifiedProfile(TestCertificates.CLIENT_USER)
                    .sslCert(certs.clientCert())
                    .sslKey(key)
                    .build();

            ConnectionReport report = test(profile, null);

            assertThat(report.failure()).as(key.toString()).isEmpty();
            assertThat(step(report, StepKind.TLS).detail()).contains("Client certificate sent: CN=certuser");
            assertThat(step(report, StepKind.SERVER_INFO).detail()).contains("Current user: certuser");
        }
    }

    @Test
    void anEncryptedClientKeyIsUsedWithItsPasswordAndAskedForWithout() {
        ConnectionProfile profile = verifiedProfile(TestCertificates.CLIENT_USER)
                .sslCert(certs.clientCert())
                .sslKey(certs.clientKeyEncrypted())
                .build();

        ConnectionReport withPassword = new ConnectionTester()
                .test(
                        profile,
                        new Credentials(null, TestCertificates.CLIENT_KEY_PASSWORD),
                        step -> {},
                        new CancellationToken());
        ConnectionReport without = test(profile, null);
        ConnectionReport wrong = new ConnectionTester()
                .test(profile, new Credentials(null, "not-it"), step -> {}, new CancellationToken());

        assertThat(ClientKeys.needPassword(profile)).isTrue();
        assertThat(withPassword.failure()).isEmpty();
        assertThat(step(withPassword, StepKind.SERVER_INFO).detail()).contains("Current user: certuser");
        assertThat(without.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Certificate or key file unusable");
            assertThat(f.explanation()).contains("is encrypted", "Key password");
        });
        assertThat(wrong.failure())
                .hasValueSatisfying(f -> assertThat(f.explanation()).contains("could not be decrypted"));
    }

    @Test
    void aPlainClientKeyNeedsNoPassword() {
        ConnectionProfile profile = verifiedProfile(TestCertificates.CLIENT_USER)
                .sslCert(certs.clientCert())
                .sslKey(certs.clientKeyPkcs8())
                .build();

        assertThat(ClientKeys.needPassword(profile)).isFalse();
        assertThat(ClientKeys.needPassword(verifiedProfile("alice").build())).isFalse();
    }

    @Test
    void ecClientCertificateAuthenticatesCertuserToo() {
        ConnectionProfile profile = verifiedProfile(TestCertificates.CLIENT_USER)
                .sslCert(certs.clientEcCert())
                .sslKey(certs.clientEcKey())
                .build();

        assertThat(test(profile, null).failure()).isEmpty();
    }

    @Test
    void missingKeyFileIsNamedAtTheTlsStep() {
        Path missing = certs.directory().resolve("no-such.key");
        ConnectionProfile profile = verifiedProfile(TestCertificates.CLIENT_USER)
                .sslCert(certs.clientCert())
                .sslKey(missing)
                .build();

        ConnectionReport report = test(profile, null);

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Certificate or key file unusable");
            assertThat(f.explanation()).contains(missing.toString(), "does not exist");
        });
        assertThat(step(report, StepKind.TLS).status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void certuserWithoutClientCertificateIsToldItNeedsOne() {
        ConnectionReport report =
                test(verifiedProfile(TestCertificates.CLIENT_USER).build(), null);

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Client certificate rejected");
            assertThat(f.explanation()).contains("client certificate");
        });
        assertThat(step(report, StepKind.AUTHENTICATE).status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void wrongPasswordFailsAuthenticationAfterTls() {
        ConnectionReport report = test(verifiedProfile("alice").build(), "not-the-password");

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Password authentication failed");
            assertThat(f.sqlState()).isEqualTo("28P01");
        });
        assertThat(statuses(report))
                .containsExactly(StepStatus.OK, StepStatus.OK, StepStatus.OK, StepStatus.FAILED, StepStatus.SKIPPED);
    }

    @Test
    void missingPasswordIsAskedFor() {
        ConnectionReport report = test(verifiedProfile("alice").build(), null);

        assertThat(report.failure().map(Failure::title)).contains("Password required");
    }

    @Test
    void roleWithoutPgHbaEntryIsExplained() {
        ConnectionReport report = test(verifiedProfile("nohba").build(), server.password("nohba"));

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("No pg_hba.conf entry");
            assertThat(f.sqlState()).isEqualTo("28000");
            assertThat(f.remedy()).contains("pg_hba.conf");
        });
    }

    @Test
    void unknownDatabaseIsExplained() {
        ConnectionReport report =
                test(verifiedProfile("alice").database("no_such_db").build(), server.password("alice"));

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Database does not exist");
            assertThat(f.explanation()).contains("no_such_db");
        });
    }

    @Test
    void roleOverItsConnectionLimitGetsTooManyConnections() throws Exception {
        String role = "limited_" + Long.toHexString(System.nanoTime());
        try (Connection c = server.connect(TestServer.SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'limited-pw' CONNECTION LIMIT 0 IN ROLE pgdesk_users");
            s.execute("GRANT CONNECT ON DATABASE " + TestServer.DATABASE + " TO " + role);
        }

        ConnectionReport report = test(verifiedProfile(role).build(), "limited-pw");

        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("Too many connections");
            assertThat(f.sqlState()).isEqualTo("53300");
        });
    }

    @Test
    void refusedPortIsExplainedAtTheTcpStep() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }

        ConnectionReport report =
                test(server.profile("alice").host("127.0.0.1").port(freePort).build(), "x");

        assertThat(report.failure().map(Failure::title)).contains("Connection refused");
        assertThat(statuses(report))
                .containsExactly(
                        StepStatus.OK, StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.SKIPPED, StepStatus.SKIPPED);
    }

    @Test
    void unknownHostIsExplainedAtTheResolveStep() {
        ConnectionReport report =
                test(server.profile("alice").host("no-such-host.invalid").build(), "x");

        assertThat(report.failure().map(Failure::title)).contains("Unknown host");
        assertThat(step(report, StepKind.RESOLVE_HOST).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.failure().orElseThrow().explanation()).contains("no-such-host.invalid");
    }

    @Test
    void silentServerTimesOutWithinTheProfileTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ConnectionProfile profile = server.profile("alice")
                    .host("127.0.0.1")
                    .port(silent.port())
                    .sslMode(SslMode.REQUIRE)
                    .connectTimeoutSeconds(1)
                    .build();
            long started = System.nanoTime();

            ConnectionReport report = test(profile, "x");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            Failure failure = report.failure().orElseThrow();
            assertThat(failure.title()).isEqualTo("No answer after connecting");
            assertThat(failure.explanation())
                    .contains("accepted the TCP connection but never answered PostgreSQL's TLS request")
                    .contains("within the connection timeout (1 s)")
                    .doesNotContain("firewall");
            assertThat(failure.remedy()).contains("is really PostgreSQL's").doesNotContain("firewall");
            assertThat(step(report, StepKind.TCP_CONNECT).status()).isEqualTo(StepStatus.OK);
            assertThat(step(report, StepKind.TLS).status()).isEqualTo(StepStatus.FAILED);
        }
    }

    @Test
    void cancelStopsAHangingAttemptAtOnce() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (SilentServer silent = new SilentServer()) {
            ConnectionProfile profile = server.profile("alice")
                    .host("127.0.0.1")
                    .port(silent.port())
                    .connectTimeoutSeconds(20)
                    .build();
            CancellationToken cancel = new CancellationToken();
            long started = System.nanoTime();

            ConnectionReport report = new ConnectionTester()
                    .test(
                            profile,
                            "x",
                            step -> {
                                if (step.kind() == StepKind.TLS && step.status() == StepStatus.RUNNING) {
                                    scheduler.schedule(cancel::cancel, 300, TimeUnit.MILLISECONDS);
                                }
                            },
                            cancel);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(report.failure().map(Failure::title)).contains("Cancelled");
            assertThat(step(report, StepKind.TLS).status()).isEqualTo(StepStatus.FAILED);
            assertThat(step(report, StepKind.AUTHENTICATE).status()).isEqualTo(StepStatus.SKIPPED);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Accepts connections and never says a word: another service on the port, or a hung server. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                accepted.add(socket.accept());
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void noStepTextCarriesStackTracesOrClassNames() {
        ConnectionReport report =
                test(verifiedProfile("alice").database("no_such_db").build(), "wrong");

        List<String> texts = new ArrayList<>();
        report.steps().forEach(s -> texts.addAll(Arrays.asList(s.summary(), s.detail())));
        report.failure().ifPresent(f -> texts.addAll(List.of(f.title(), f.explanation(), f.remedy())));
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain("Exception", "\tat ", "org.postgresql"));
    }
}
