package dev.pgdesk.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    private static TestPki.Issued ca;
    private static TestPki.Issued otherCa;
    private static TestPki.Issued rsaClient;
    private static TestPki.Issued ecClient;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueCertificates() throws Exception {
        ca = TestPki.ca("Test CA");
        otherCa = TestPki.ca("Other CA");
        rsaClient = TestPki.leaf(ca, "CN=certuser", TestPki.rsa(), List.of(), List.of());
        ecClient = TestPki.leaf(ca, "CN=certuser", TestPki.ec(), List.of(), List.of());
    }

    @Test
    void rootFileMayHoldSeveralCertificatesAmongOtherText() throws Exception {
        Path file = TestPki.writePem(dir.resolve("roots.crt"), ca.certificate(), otherCa.certificate());
        Files.writeString(file, "# bundle of two CAs\n" + Files.readString(file));

        assertThat(PemFiles.readCertificates(file, "root certificate file"))
                .containsExactly(ca.certificate(), otherCa.certificate());
    }

    @Test
    void derCertificateIsAccepted() throws Exception {
        Path file = Files.write(dir.resolve("root.der"), ca.certificate().getEncoded());

        assertThat(PemFiles.readCertificates(file, "root certificate file")).containsExactly(ca.certificate());
    }

    @Test
    void missingFileIsNamedInTheMessage() {
        Path missing = dir.resolve("nope.crt");

        assertThatThrownBy(() -> PemFiles.readCertificates(missing, "root certificate file"))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void fileWithoutCertificateSaysWhichFormatIsExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "just some text\n");

        assertThatThrownBy(() -> PemFiles.readCertificates(file, "root certificate file"))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("BEGIN CERTIFICATE");
    }

    @Test
    void pkcs8Pkcs1AndSec1KeysAreRead() throws Exception {
        Path pkcs8 = TestPki.writePkcs8(dir.resolve("rsa8.key"), rsaClient.keys());
        Path pkcs1 = TestPki.writeTraditional(dir.resolve("rsa1.key"), rsaClient.keys());
        Path sec1 = TestPki.writeTraditional(dir.resolve("ec.key"), ecClient.keys());

        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(sec1)).contains("BEGIN EC PRIVATE KEY");
        assertThat(PemFiles.readPrivateKey(pkcs8, null, "client key file").getEncoded())
                .isEqualTo(rsaClient.keys().getPrivate().getEncoded());
        assertThat(PemFiles.readPrivateKey(pkcs1, null, "client key file").getEncoded())
                .isEqualTo(rsaClient.keys().getPrivate().getEncoded());
        assertThat(PemFiles.readPrivateKey(sec1, null, "client key file").getAlgorithm())
                .isIn("EC", "ECDSA");
    }

    @Test
    void derPkcs8KeyAsPgjdbcUsesIsAccepted() throws Exception {
        Path file = Files.write(
                dir.resolve("client.pk8"), rsaClient.keys().getPrivate().getEncoded());

        assertThat(PemFiles.readPrivateKey(file, null, "client key file").getEncoded())
                .isEqualTo(rsaClient.keys().getPrivate().getEncoded());
    }

    @Test
    void encryptedKeysAreReadWithTheirPassword() throws Exception {
        KeyPair keys = rsaClient.keys();
        Path pkcs8 = TestPki.writeEncryptedPkcs8(dir.resolve("enc8.key"), keys, "s3cret");
        Path legacy = TestPki.writeLegacyEncrypted(dir.resolve("legacy.key"), keys, "s3cret");

        assertThat(PemFiles.readPrivateKey(pkcs8, "s3cret".toCharArray(), "client key file")
                        .getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(PemFiles.readPrivateKey(legacy, "s3cret".toCharArray(), "client key file")
                        .getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void encryptedKeyWithoutPasswordAsksForIt() throws Exception {
        Path file = TestPki.writeEncryptedPkcs8(dir.resolve("enc.key"), ecClient.keys(), "s3cret");

        assertThatThrownBy(() -> PemFiles.readPrivateKey(file, null, "client key file"))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is encrypted");
    }

    @Test
    void wrongKeyPasswordIsReportedAsSuch() throws Exception {
        Path pkcs8 = TestPki.writeEncryptedPkcs8(dir.resolve("enc.key"), ecClient.keys(), "s3cret");
        Path legacy = TestPki.writeLegacyEncrypted(dir.resolve("legacy.key"), ecClient.keys(), "s3cret");

        for (Path file : List.of(pkcs8, legacy)) {
            assertThatThrownBy(() -> PemFiles.readPrivateKey(file, "wrong".toCharArray(), "client key file"))
                    .isInstanceOf(TlsFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("password is wrong");
        }
    }

    @Test
    void certificateFileIsNotAKeyFile() throws Exception {
        Path file = TestPki.writePem(dir.resolve("client.crt"), rsaClient.certificate());

        assertThatThrownBy(() -> PemFiles.readPrivateKey(file, null, "client key file"))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining("contains no private key");
    }
}
