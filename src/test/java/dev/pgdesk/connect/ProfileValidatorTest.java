package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileValidatorTest {
    @TempDir
    Path dir;

    private static ConnectionProfile.Builder valid() {
        return ConnectionProfile.builder().name("prod").host("db").user("alice").database("sales");
    }

    private static List<FieldError> errorsOf(ConnectionProfile.Builder builder) {
        return ProfileValidator.validate(builder.build(), List.of());
    }

    private static FieldError onlyError(ConnectionProfile.Builder builder) {
        List<FieldError> errors = errorsOf(builder);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aCompleteProfileHasNoErrors() {
        assertThat(errorsOf(valid())).isEmpty();
    }

    @Test
    void emptyNameIsRejected() {
        assertThat(onlyError(valid().name("  ")).field()).isEqualTo(ProfileField.NAME);
    }

    @Test
    void duplicateNameIsRejectedCaseInsensitively() {
        ConnectionProfile other = valid().name("PROD").build();

        List<FieldError> errors = ProfileValidator.validate(valid().build(), List.of(other));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(ProfileField.NAME);
            assertThat(e.message()).contains("\"prod\"").contains("different name");
        });
    }

    @Test
    void theProfileItselfIsNotADuplicate() {
        ConnectionProfile profile = valid().build();

        assertThat(ProfileValidator.validate(profile, List.of(profile))).isEmpty();
    }

    @Test
    void emptyHostIsRejected() {
        assertThat(onlyError(valid().host("")).field()).isEqualTo(ProfileField.HOST);
    }

    @Test
    void socketDirectoryAsHostIsRejectedWithTheReason() {
        assertThat(onlyError(valid().host("/var/run/postgresql")).message()).contains("Unix-domain socket");
    }

    @Test
    void portOutsideTheTcpRangeIsRejected() {
        assertThat(onlyError(valid().port(0)).field()).isEqualTo(ProfileField.PORT);
        assertThat(onlyError(valid().port(65536)).message()).contains("1 to 65535");
        assertThat(errorsOf(valid().port(65535))).isEmpty();
    }

    @Test
    void emptyDatabaseIsRejected() {
        assertThat(onlyError(valid().database("")).field()).isEqualTo(ProfileField.DATABASE);
    }

    @Test
    void emptyUserIsRejected() {
        assertThat(onlyError(valid().user(" ")).field()).isEqualTo(ProfileField.USER);
    }

    @Test
    void verifyModesWithoutARootCertificateExplainTheChoice() {
        FieldError error = onlyError(valid().sslMode(SslMode.VERIFY_FULL));

        assertThat(error.field()).isEqualTo(ProfileField.SSL_ROOT_CERT);
        assertThat(error.message()).contains("verify-full").contains("root.crt").contains("require");
        assertThat(onlyError(valid().sslMode(SslMode.VERIFY_CA)).field()).isEqualTo(ProfileField.SSL_ROOT_CERT);
    }

    @Test
    void verifyModeWithAnExistingRootCertificateIsValid() throws IOException {
        Path root = Files.writeString(dir.resolve("root.crt"), "x");

        assertThat(errorsOf(valid().sslMode(SslMode.VERIFY_FULL).sslRootCert(root)))
                .isEmpty();
    }

    @Test
    void missingCertificateFileIsNamedWithTheReason() {
        Path missing = dir.resolve("nope.crt");

        FieldError error = onlyError(valid().sslRootCert(missing));

        assertThat(error.field()).isEqualTo(ProfileField.SSL_ROOT_CERT);
        assertThat(error.message()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void directoryInsteadOfAFileIsRejected() throws IOException {
        Path cert = Files.writeString(dir.resolve("client.crt"), "x");

        List<FieldError> errors = errorsOf(valid().sslCert(cert).sslKey(dir));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(ProfileField.SSL_KEY);
            assertThat(e.message()).contains(dir.toString()).contains("is a directory");
        });
    }

    @Test
    void unreadableFileIsRejected() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path root = Files.writeString(dir.resolve("root.crt"), "x");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(root), "the superuser can read any file");

        assertThat(onlyError(valid().sslRootCert(root)).message()).contains("cannot be read");
    }

    @Test
    void clientCertificateWithoutKeyIsRejected() throws IOException {
        Path cert = Files.writeString(dir.resolve("client.crt"), "x");

        assertThat(onlyError(valid().sslCert(cert)).field()).isEqualTo(ProfileField.SSL_KEY);
    }

    @Test
    void clientKeyWithoutCertificateIsRejected() throws IOException {
        Path key = Files.writeString(dir.resolve("client.key"), "x");

        assertThat(onlyError(valid().sslKey(key)).field()).isEqualTo(ProfileField.SSL_CERT);
    }

    @Test
    void connectTimeoutOutsideZeroToAnHourIsRejected() {
        assertThat(onlyError(valid().connectTimeoutSeconds(-1)).field()).isEqualTo(ProfileField.CONNECT_TIMEOUT);
        assertThat(onlyError(valid().connectTimeoutSeconds(3601)).field()).isEqualTo(ProfileField.CONNECT_TIMEOUT);
        assertThat(errorsOf(valid().connectTimeoutSeconds(0))).isEmpty();
        assertThat(errorsOf(valid().connectTimeoutSeconds(3600))).isEmpty();
    }
}
