package dev.pgdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    @TempDir
    static Path directory;

    static TestCertificates certificates;

    @BeforeAll
    static void generate() throws IOException {
        certificates = TestCertificates.generate(directory);
    }

    @Test
    void serverCertificatesAreSignedByTheTestCaOnly() throws Exception {
        X509Certificate ca = read(certificates.caCert());
        X509Certificate other = read(certificates.otherCaCert());
        X509Certificate localhost = read(certificates.localhostCert());

        localhost.verify(ca.getPublicKey());
        read(certificates.otherHostCert()).verify(ca.getPublicKey());
        assertThatThrownBy(() -> localhost.verify(other.getPublicKey())).isInstanceOf(SignatureException.class);
        assertThat(ca.getSubjectX500Principal().getName()).contains("CN=pgdesk test CA");
        assertThat(other.getSubjectX500Principal().getName()).contains("CN=other test CA");
    }

    @Test
    void localhostCertificateNamesTheHostAndTheLoopbackAddress() throws Exception {
        List<String> names = read(certificates.localhostCert()).getSubjectAlternativeNames().stream()
                .map(name -> name.get(1).toString())
                .toList();

        assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        assertThat(read(certificates.otherHostCert()).getSubjectAlternativeNames().stream()
                        .map(name -> name.get(1).toString())
                        .toList())
                .containsExactly("otherhost.example");
    }

    @Test
    void clientCertificateIsForCertuser() throws Exception {
        X509Certificate client = read(certificates.clientCert());

        client.verify(read(certificates.caCert()).getPublicKey());
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=certuser");
        assertThat(read(certificates.clientEcCert()).getPublicKey().getAlgorithm())
                .isEqualTo("EC");
    }

    @Test
    void clientKeyIsWrittenInBothPemForms() throws IOException {
        assertThat(Files.readString(certificates.clientKeyPkcs8())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(certificates.clientKeyPkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(certificates.clientEcKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws IOException {
        for (Path key : List.of(
                certificates.localhostKey(),
                certificates.otherHostKey(),
                certificates.clientKeyPkcs8(),
                certificates.clientKeyPkcs1())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .as(key.toString())
                    .isEqualTo("rw-------");
        }
    }

    private static X509Certificate read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
