package dev.pgdesk.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.tls.HandshakeFacts.Verification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory against an in-process TLS server; the real-server matrix is in the check package. */
class PgdeskSslSocketFactoryTest {
    private static TestPki.Issued ca;
    private static TestPki.Issued otherCa;
    private static TestPki.Issued localhostCert;

    @TempDir
    Path dir;

    private SSLServerSocket server;
    private Path caFile;
    private Path otherCaFile;

    @BeforeAll
    static void issue() throws Exception {
        ca = TestPki.ca("Test CA");
        otherCa = TestPki.ca("Other CA");
        localhostCert = TestPki.leaf(ca, "CN=localhost", TestPki.ec(), List.of("localhost"), List.of("127.0.0.1"));
    }

    @BeforeEach
    void startServer() throws Exception {
        caFile = TestPki.writePem(dir.resolve("ca.crt"), ca.certificate());
        otherCaFile = TestPki.writePem(dir.resolve("other-ca.crt"), otherCa.certificate());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", localhostCert.keys().getPrivate(), new char[0], new Certificate[] {
            localhostCert.certificate(), ca.certificate()
        });
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        CompletableFuture.runAsync(this::serveForever);
    }

    private void serveForever() {
        while (!server.isClosed()) {
            try (SSLSocket client = (SSLSocket) server.accept()) {
                client.startHandshake();
                client.getOutputStream().write(1);
                client.getOutputStream().flush();
            } catch (IOException e) {
                // A rejected handshake ends that client only.
            }
        }
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void verifyFullChecksChainAndHostAndRecordsTheAnchor() throws Exception {
        try (HandshakeRecorder.Recording recording = HandshakeRecorder.open()) {
            handshake(properties("verify-full", caFile, recording), "localhost");

            HandshakeFacts facts = recording.lastHandshake().orElseThrow();
            assertThat(facts.verification()).isEqualTo(Verification.VERIFIED);
            assertThat(facts.rootFile()).contains(caFile);
            assertThat(facts.trustAnchor()).contains("CN=Test CA");
            assertThat(facts.protocol()).startsWith("TLS");
            assertThat(facts.cipherSuite()).startsWith("TLS_");
            assertThat(facts.serverSubject()).isEqualTo("CN=localhost");
        }
    }

    @Test
    void verifyCaRejectsACertificateFromAnotherCa() throws Exception {
        try (HandshakeRecorder.Recording recording = HandshakeRecorder.open()) {
            assertThatThrownBy(() -> handshake(properties("verify-ca", otherCaFile, recording), "localhost"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasCauseInstanceOf(CertificateNotTrustedException.class);
            assertThat(recording.lastHandshake().orElseThrow().verification()).isEqualTo(Verification.REJECTED);
        }
    }

    @Test
    void verifyFullRejectsAnotherHostNameButVerifyCaAcceptsIt() throws Exception {
        Properties full = properties("verify-full", caFile, null);
        Properties ca = properties("verify-ca", caFile, null);

        assertThatThrownBy(() -> handshake(full, "127.0.0.2"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasCauseInstanceOf(HostNameMismatchException.class);
        handshake(ca, "127.0.0.2");
    }

    @Test
    void requireWithRootCertificateVerifiesLikeVerifyCa() {
        assertThatThrownBy(() -> handshake(properties("require", otherCaFile, null), "localhost"))
                .hasCauseInstanceOf(CertificateNotTrustedException.class);
    }

    @Test
    void unverifiedModesAcceptAnyCertificateAndSaySo() throws Exception {
        for (String mode : List.of("allow", "prefer", "require")) {
            try (HandshakeRecorder.Recording recording = HandshakeRecorder.open()) {
                Properties info = properties(mode, null, recording);
                if (!mode.equals("require")) {
                    // allow and prefer never verify, even with a root certificate at hand.
                    info.setProperty("sslrootcert", otherCaFile.toString());
                }
                handshake(info, "localhost");
                assertThat(recording.lastHandshake().orElseThrow().verification())
                        .as(mode)
                        .isEqualTo(Verification.NOT_CHECKED);
            }
        }
    }

    @Test
    void verifyingModesWithoutRootCertificateAreRefusedBeforeConnecting() {
        for (String mode : List.of("verify-ca", "verify-full")) {
            assertThatThrownBy(() -> new PgdeskSslSocketFactory(properties(mode, null, null)))
                    .isInstanceOf(RootCertificateRequiredException.class)
                    .hasMessageContaining(mode);
        }
    }

    @Test
    void recordingsDoNotOutliveTheirAttempt() throws Exception {
        HandshakeRecorder.Recording recording = HandshakeRecorder.open();
        Properties info = properties("require", null, recording);
        recording.close();

        handshake(info, "localhost");

        assertThat(recording.lastHandshake()).isEmpty();
        assertThat(HandshakeRecorder.find(info)).isEqualTo(Optional.empty());
    }

    private Properties properties(String mode, Path root, HandshakeRecorder.Recording recording) {
        Properties info = new Properties();
        info.setProperty("sslmode", mode);
        if (root != null) {
            info.setProperty("sslrootcert", root.toString());
        }
        if (recording != null) {
            recording.attachTo(info);
        }
        return info;
    }

    private void handshake(Properties info, String host) throws Exception {
        PgdeskSslSocketFactory factory = new PgdeskSslSocketFactory(info);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, server.getLocalPort(), true)) {
            tls.startHandshake();
            assertThat(tls.getInputStream().read()).isEqualTo(1);
        }
    }
}
