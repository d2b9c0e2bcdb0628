package dev.pgdesk.connect.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.FailureExplainer.Stage;
import dev.pgdesk.connect.tls.CertificateNotTrustedException;
import dev.pgdesk.connect.tls.HostNameMismatchException;
import dev.pgdesk.connect.tls.TlsFileException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * The mapping from errors to plain words, with errors shaped as pgjdbc reports them. The same failures
 * against a real server are in {@code ConnectionTesterServerTest} and {@code SslModeMatrixTest}.
 */
class FailureExplainerTest {
    private final ConnectionProfile profile = ConnectionProfile.builder()
            .host("db.example.com")
            .port(5433)
            .user("alice")
            .database("shop")
            .sslMode(SslMode.VERIFY_FULL)
            .sslRootCert(Path.of("/certs/ca.crt"))
            .build();
    private final FailureExplainer explainer = new FailureExplainer(profile);

    private static PSQLException server(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + state + "\0M" + message + "\0"));
    }

    @Test
    void serverErrorsAreRecognisedBySqlStateEvenWhenTranslated() {
        assertThat(explainer
                        .explain(server("28P01", "Passwort-Authentifizierung fehlgeschlagen"))
                        .title())
                .isEqualTo("Password authentication failed");
        assertThat(explainer
                        .explain(server("3D000", "Datenbank existiert nicht"))
                        .title())
                .isEqualTo("Database does not exist");
        assertThat(explainer.explain(server("53300", "too many connections for role \"alice\"")))
                .extracting(Failure::title, Failure::sqlState)
                .containsExactly("Too many connections", "53300");
    }

    @Test
    void invalidAuthorizationIsToldApartByWhatTheServerMentions() {
        assertThat(explainer
                        .explain(server("28000", "no pg_hba.conf entry for host \"10.0.0.1\""))
                        .title())
                .isEqualTo("No pg_hba.conf entry");
        assertThat(explainer
                        .explain(server("28000", "certificate authentication failed for user \"alice\""))
                        .title())
                .isEqualTo("Client certificate rejected");
        assertThat(explainer
                        .explain(server("28000", "role \"alice\" does not exist"))
                        .title())
                .isEqualTo("Access denied");
    }

    @Test
    void networkErrorsNameTheEndpoint() {
        Failure refused = explainer.explain(new PSQLException(
                "Connection to db.example.com:5433 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")));
        Failure unknown = explainer.explain(new UnknownHostException("db.example.com"));

        assertThat(refused.title()).isEqualTo("Connection refused");
        assertThat(refused.explanation()).contains("db.example.com:5433");
        assertThat(unknown.title()).isEqualTo("Unknown host");
        assertThat(explainer
                        .explain(new PSQLException(
                                "Connection attempt timed out.", PSQLState.CONNECTION_UNABLE_TO_CONNECT))
                        .title())
                .isEqualTo("Timed out");
    }

    @Test
    void tlsFailuresAreFoundInsideTheHandshakeError() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateNotTrustedException(
                Path.of("/certs/ca.crt"), "CN=db.example.com", "CN=Evil CA", new IOException("no path")));
        SSLHandshakeException mismatch = new SSLHandshakeException("host");
        mismatch.initCause(new HostNameMismatchException("db.example.com", List.of("other.example.com")));

        FailureExplainer.Diagnosis notTrusted =
                explainer.diagnose(new PSQLException("SSL error", PSQLState.CONNECTION_FAILURE, untrusted));
        Failure wrongHost = explainer.explain(new PSQLException("SSL error", PSQLState.CONNECTION_FAILURE, mismatch));

        assertThat(notTrusted.stage()).isEqualTo(Stage.TLS);
        assertThat(notTrusted.failure().title()).isEqualTo("Certificate not trusted");
        assertThat(notTrusted.failure().explanation()).contains("/certs/ca.crt", "CN=Evil CA");
        assertThat(wrongHost.title()).isEqualTo("Host name mismatch");
        assertThat(wrongHost.explanation()).contains("other.example.com", "db.example.com");
    }

    @Test
    void driverMessagesWithoutSqlStateAreExplainedToo() {
        assertThat(explainer
                        .explain(new PSQLException("The server does not support SSL.", PSQLState.CONNECTION_REJECTED))
                        .title())
                .isEqualTo("Server does not support SSL");
        assertThat(explainer
                        .explain(new PSQLException(
                                "The hostname db.example.com could not be verified by hostnameverifier"
                                        + " PgjdbcHostnameVerifier.",
                                PSQLState.CONNECTION_FAILURE))
                        .title())
                .isEqualTo("Host name mismatch");
        assertThat(explainer
                        .explain(new PSQLException(
                                "The server requested SCRAM-based authentication, but no password was provided.",
                                PSQLState.CONNECTION_REJECTED))
                        .title())
                .isEqualTo("Password required");
        assertThat(explainer
                        .explain(new SSLHandshakeException("Received fatal alert: certificate_required"))
                        .title())
                .isEqualTo("Client certificate rejected");
    }

    @Test
    void translatedDriverMessagesAreToldApartByWhatTheTesterSaw() {
        PSQLException translated =
                new PSQLException("Der Server unterstützt SSL nicht.", PSQLState.CONNECTION_REJECTED);

        assertThat(explainer.diagnose(translated, true, false).failure().title())
                .isEqualTo("Server does not support SSL");
        assertThat(explainer.diagnose(translated, false, true).failure().title())
                .isEqualTo("Password required");
    }

    @Test
    void unusableKeyFileIsReportedWithThroughTheDriversWrapping() {
        TlsFileException file =
                new TlsFileException(Path.of("/k/client.key"), "The client key file /k/client.key is encrypted");
        PSQLException wrapped = new PSQLException(
                "The SSLSocketFactory class provided dev.pgdesk.connect.tls.PgdeskSslSocketFactory could not be"
                        + " instantiated.",
                PSQLState.CONNECTION_FAILURE,
                new InvocationTargetException(file));

        Failure failure = explainer.explain(wrapped);

        assertThat(failure.title()).isEqualTo("Certificate or key file unusable");
        assertThat(failure.explanation()).contains("/k/client.key").doesNotContain("SSLSocketFactory");
    }

    @Test
    void userTextNeverCarriesClassNames() {
        Failure failure = explainer.explain(new IllegalStateException(
                "wrapped", new RuntimeException("java.io.IOException: Broken pipe (Write failed)")));

        assertThat(failure.explanation()).contains("Broken pipe").doesNotContain("java.io", "Exception");
        assertThat(failure.title()).isEqualTo("Could not connect");
    }
}
