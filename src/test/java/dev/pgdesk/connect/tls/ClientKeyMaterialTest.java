package dev.pgdesk.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeyMaterialTest {
    private static TestPki.Issued client;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() throws Exception {
        client = TestPki.leaf(TestPki.ca("Test CA"), "CN=certuser", TestPki.ec(), List.of(), List.of());
    }

    @Test
    void pemCertificateAndKeyFilesLoadTogether() throws Exception {
        Path cert = TestPki.writePem(dir.resolve("client.crt"), client.certificate());
        Path key = TestPki.writePkcs8(dir.resolve("client.key"), client.keys());

        ClientKeyMaterial material = ClientKeyMaterial.load(cert, key, null);

        assertThat(material.chain()).containsExactly(client.certificate());
        assertThat(material.key().getEncoded())
                .isEqualTo(client.keys().getPrivate().getEncoded());
    }

    @Test
    void oneFileMayHoldBothCertificateAndKey() throws Exception {
        Path cert = TestPki.writePem(dir.resolve("client.crt"), client.certificate());
        Path key = TestPki.writePkcs8(dir.resolve("client.key"), client.keys());
        Path combined = Files.writeString(dir.resolve("client.pem"), Files.readString(cert) + Files.readString(key));

        ClientKeyMaterial material = ClientKeyMaterial.load(combined, null, null);

        assertThat(material.chain()).containsExactly(client.certificate());
    }

    @Test
    void pkcs12FileIsOpenedWithTheKeyPassword() throws Exception {
        Path p12 = TestPki.writePkcs12(dir.resolve("client.p12"), client, "s3cret");

        ClientKeyMaterial material = ClientKeyMaterial.load(null, p12, "s3cret".toCharArray());

        assertThat(material.chain()).containsExactly(client.certificate());
        assertThatThrownBy(() -> ClientKeyMaterial.load(null, p12, "wrong".toCharArray()))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining(p12.toString())
                .hasMessageContaining("password");
    }

    @Test
    void certificateWithoutKeyAsksForTheKey() throws Exception {
        Path cert = TestPki.writePem(dir.resolve("client.crt"), client.certificate());

        assertThatThrownBy(() -> ClientKeyMaterial.load(cert, null, null))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining("without its key file");
    }

    @Test
    void keyWithoutCertificateAsksForTheCertificate() throws Exception {
        Path key = TestPki.writePkcs8(dir.resolve("client.key"), client.keys());

        assertThatThrownBy(() -> ClientKeyMaterial.load(null, key, null))
                .isInstanceOf(TlsFileException.class)
                .hasMessageContaining("without a client certificate");
        assertThat(Files.exists(key)).isTrue();
    }
}
