package dev.pgdesk.connect.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestCertificates;
import dev.pgdesk.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SSL mode against servers without SSL, with a certificate for localhost, and with a certificate
 * for another host, each with no root certificate, the right CA and an unrelated CA. Each combination
 * must connect or fail exactly as the mode's dialog text and libpq's documentation promise.
 */
@Tag("server")
class SslModeMatrixTest {

    enum Server {
        NO_SSL,
        LOCALHOST_CERT,
        OTHER_HOST_CERT
    }

    enum Root {
        NONE,
        TEST_CA,
        OTHER_CA
    }

    /** Connected, encrypted or not; or failed with the title the user sees. */
    record Outcome(boolean connected, boolean encrypted, String failureTitle) {
        static Outcome plainText() {
            return new Outcome(true, false, "");
        }

        static Outcome viaTls() {
            return new Outcome(true, true, "");
        }

        static Outcome failure(String title) {
            return new Outcome(false, false, title);
        }
    }

    /** The modes that check the certificate once a root certificate is given. */
    private static final Set<SslMode> VERIFYING_WITH_ROOT =
            Set.of(SslMode.REQUIRE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL);

    private static TestServer noSsl;
    private static TestServer otherHost;

    @BeforeAll
    static void startServers() {
        noSsl = TestServer.startDedicated("nossl", b -> b.setting("ssl", "off"));
        TestCertificates certs = TestServer.shared().certificates();
        otherHost = TestServer.startDedicated(
                "otherhost",
                b -> b.setting("ssl_cert_file", certs.otherHostCert().toString())
                        .setting("ssl_key_file", certs.otherHostKey().toString()));
    }

    @AfterAll
    static void stopServers() {
        if (noSsl != null) {
            noSsl.close();
        }
        if (otherHost != null) {
            otherHost.close();
        }
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Server server : Server.values()) {
            for (Root root : Root.values()) {
                for (SslMode mode : SslMode.values()) {
                    all.add(Arguments.of(server, root, mode));
                }
            }
        }
        return all.stream();
    }

    /** What pgdesk promises, written out from the mode descriptions rather than derived from the code. */
    static Outcome promised(Server server, Root root, SslMode mode) {
        boolean sslOffered = server != Server.NO_SSL;
        switch (mode) {
            case DISABLE:
            case ALLOW:
                // The test servers accept plain connections, so allow never needs to upgrade.
                return Outcome.plainText();
            case PREFER:
                return sslOffered ? Outcome.viaTls() : Outcome.plainText();
            case REQUIRE:
                if (!sslOffered) {
                    return Outcome.failure("Server does not support SSL");
                }
                if (root == Root.OTHER_CA) {
                    // With a root certificate, require verifies the chain like verify-ca.
                    return Outcome.failure("Certificate not trusted");
                }
                return Outcome.viaTls();
            case VERIFY_CA:
            case VERIFY_FULL:
                if (root == Root.NONE) {
                    return Outcome.failure("Root certificate required");
                }
                if (!sslOffered) {
                    return Outcome.failure("Server does not support SSL");
                }
                if (root == Root.OTHER_CA) {
                    return Outcome.failure("Certificate not trusted");
                }
                if (mode == SslMode.VERIFY_FULL && server == Server.OTHER_HOST_CERT) {
                    return Outcome.failure("Host name mismatch");
                }
                return Outcome.viaTls();
            default:
                throw new IllegalArgumentException(mode.toString());
        }
    }

    @ParameterizedTest(name = "{0} server, root {1}, sslmode {2}")
    @MethodSource("combinations")
    void eachModeConnectsOrFailsAsItsDescriptionPromises(Server server, Root root, SslMode mode) {
        TestServer target = serverFor(server);
        ConnectionProfile profile = target.profile("alice")
                .sslMode(mode)
                .sslRootCert(rootFile(root))
                .connectTimeoutSeconds(5)
                .build();

        ConnectionReport report =
                new ConnectionTester().test(profile, target.password("alice"), step -> {}, new CancellationToken());

        Outcome expected = promised(server, root, mode);
        assertThat(report.succeeded()).as("connected").isEqualTo(expected.connected());
        if (expected.connected()) {
            CheckStep serverInfo = step(report, StepKind.SERVER_INFO);
            assertThat(serverInfo.detail())
                    .contains("SSL in use (pg_stat_ssl): " + (expected.encrypted() ? "yes" : "no"));
            CheckStep tls = step(report, StepKind.TLS);
            assertThat(tls.summary().contains("certificate verified against"))
                    .as("verified: " + tls.summary())
                    .isEqualTo(expected.encrypted() && root != Root.NONE && VERIFYING_WITH_ROOT.contains(mode));
        } else {
            assertThat(report.failure().map(Failure::title)).isEqualTo(Optional.of(expected.failureTitle()));
            assertThat(step(report, StepKind.TLS).status()).isEqualTo(StepStatus.FAILED);
        }
    }

    private static CheckStep step(ConnectionReport report, StepKind kind) {
        return report.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private static TestServer serverFor(Server server) {
        switch (server) {
            case NO_SSL:
                return noSsl;
            case OTHER_HOST_CERT:
                return otherHost;
            default:
                return TestServer.shared();
        }
    }

    private static Path rootFile(Root root) {
        TestCertificates certs = TestServer.shared().certificates();
        switch (root) {
            case TEST_CA:
                return certs.caCert();
            case OTHER_CA:
                return certs.otherCaCert();
            default:
                return null;
        }
    }
}
