package dev.pgdesk.connect.check;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.tls.CertificateNotTrustedException;
import dev.pgdesk.connect.tls.HostNameMismatchException;
import dev.pgdesk.connect.tls.RootCertificateRequiredException;
import dev.pgdesk.connect.tls.TlsFileException;
import dev.pgdesk.task.CancelledException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed connection attempt into a {@link Failure} in plain words: what happened and what to do.
 * SQLSTATEs and exception types decide wherever possible, because server messages may be translated;
 * message text is consulted only where neither tells the cases apart. Never shows a stack trace or a
 * class name.
 */
public final class FailureExplainer {

    /** Where in the connection a failure happened, so that the report marks the right step. */
    public enum Stage {
        NETWORK,
        TLS,
        AUTHENTICATION,
        CANCELLED
    }

    /** A failure and the stage it belongs to. */
    public record Diagnosis(Stage stage, Failure failure) {}

    private static final Pattern CLASS_NAME_PREFIX =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*");

    private static final String GENERIC_TITLE = "Could not connect";

    private static final String TIMED_OUT = "Timed out";

    private final ConnectionProfile profile;

    public FailureExplainer(ConnectionProfile profile) {
        this.profile = profile;
    }

    /** The failure to show for {@code error}. */
    public Failure explain(Throwable error) {
        return diagnose(error).failure();
    }

    /** The failure to show for {@code error}, and the stage it happened in. */
    public Diagnosis diagnose(Throwable error) {
        return diagnose(error, true, false);
    }

    /**
     * Like {@link #diagnose(Throwable)}, with what the tester knows about the attempt: pgjdbc translates
     * its own messages into the JVM's language, so where two of them share a SQLSTATE these facts decide.
     *
     * @param passwordGiven whether a password was sent along
     * @param handshakeSeen whether a TLS handshake reached the server's certificate
     */
    Diagnosis diagnose(Throwable error, boolean passwordGiven, boolean handshakeSeen) {
        return diagnose(error, passwordGiven, handshakeSeen, false);
    }

    /**
     * Like {@link #diagnose(Throwable, boolean, boolean)}, also knowing whether a TCP connection to the server
     * was just made: a timeout after that is a listener that accepts and never answers, not a firewall.
     */
    Diagnosis diagnose(Throwable error, boolean passwordGiven, boolean handshakeSeen, boolean tcpConnected) {
        Diagnosis raw = diagnoseRaw(error);
        if (tcpConnected && !handshakeSeen && raw.failure().title().equals(TIMED_OUT)) {
            raw = new Diagnosis(raw.stage(), noAnswerAfterConnect());
        }
        if (raw.failure().title().equals(GENERIC_TITLE)
                && PSQLState.CONNECTION_REJECTED.getState().equals(raw.failure().sqlState())) {
            if (!passwordGiven) {
                raw = new Diagnosis(
                        Stage.AUTHENTICATION, passwordRequired(raw.failure().sqlState()));
            } else if (profile.sslMode().requiresEncryption() && !handshakeSeen) {
                raw = new Diagnosis(Stage.TLS, sslNotSupported(raw.failure().sqlState()));
            }
        }
        Failure f = raw.failure();
        return new Diagnosis(
                raw.stage(), new Failure(f.title(), withoutClassNames(f.explanation()), f.remedy(), f.sqlState()));
    }

    /** Exception messages sometimes embed a wrapped exception as {@code java.io.IOException: text}. */
    static String withoutClassNames(String text) {
        return CLASS_NAME_PREFIX.matcher(text).replaceAll("");
    }

    private Diagnosis diagnoseRaw(Throwable error) {
        List<Throwable> chain = causes(error);
        Optional<Diagnosis> byType = byExceptionType(chain);
        if (byType.isPresent()) {
            return byType.get();
        }
        Optional<Diagnosis> byState = bySqlState(chain);
        if (byState.isPresent()) {
            return byState.get();
        }
        return byDriverMessage(chain).orElseGet(() -> generic(chain));
    }

    /** The failure for a verifying mode without a root certificate file, detected before connecting. */
    public Failure rootCertificateRequired() {
        SslMode mode = profile.sslMode();
        return new Failure(
                "Root certificate required",
                "SSL mode " + mode + " checks the server's certificate against a root certificate file, but the"
                        + " profile has none. pgdesk does not fall back to other trusted certificates.",
                "Choose the root certificate file of the CA that signed the server's certificate (often root.crt or"
                        + " ca.crt, from your database administrator), or choose SSL mode require if you accept"
                        + " not checking the certificate.",
                "");
    }

    /** The failure reported when the user cancels. */
    public static Failure cancelled() {
        return new Failure(
                "Cancelled", "The connection test was cancelled before it finished.", "Run the test again.", "");
    }

    private Optional<Diagnosis> byExceptionType(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof CancelledException) {
                return Optional.of(new Diagnosis(Stage.CANCELLED, cancelled()));
            }
            if (t instanceof RootCertificateRequiredException) {
                return tls(rootCertificateRequired());
            }
            if (t instanceof TlsFileException) {
                return tls(new Failure(
                        "Certificate or key file unusable",
                        t.getMessage(),
                        "Fix the file or choose another one in the profile's SSL settings.",
                        ""));
            }
            if (t instanceof HostNameMismatchException) {
                HostNameMismatchException e = (HostNameMismatchException) t;
                return tls(hostNameMismatch("The server's certificate was issued for "
                        + String.join(", ", e.certificateNames()) + ", not for " + e.host() + "."));
            }
            if (t instanceof CertificateNotTrustedException) {
                CertificateNotTrustedException e = (CertificateNotTrustedException) t;
                return tls(new Failure(
                        "Certificate not trusted",
                        "The server's certificate (" + e.serverSubject() + ", issued by " + e.serverIssuer()
                                + ") is not signed by any certificate in the root certificate file " + e.rootFile()
                                + ". The server may not be the one you expect, or the file holds the wrong CA.",
                        "Ask your database administrator for the CA certificate that signed the server's"
                                + " certificate and choose it as the root certificate. Do not lower the SSL mode"
                                + " on an untrusted network.",
                        ""));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return network(new Failure(
                        "Unknown host",
                        "The host name " + profile.host() + " could not be found (DNS lookup failed).",
                        "Check the spelling of the host name, and that you are on the right network or VPN.",
                        ""));
            }
            if (t instanceof ConnectException && !(t instanceof NoRouteToHostException)) {
                return network(new Failure(
                        "Connection refused",
                        "Nothing accepts connections at " + endpoint() + ": the server is not running there, or"
                                + " it listens on another port or address.",
                        "Check the host and port. On the server, check that PostgreSQL is running and that"
                                + " listen_addresses and port in postgresql.conf allow this connection.",
                        ""));
            }
            if (t instanceof NoRouteToHostException) {
                return network(new Failure(
                        "Host unreachable",
                        "The network has no route to " + endpoint() + ", or a firewall rejects it.",
                        "Check the host address, your network or VPN connection, and firewalls.",
                        ""));
            }
            if (t instanceof SocketTimeoutException) {
                return network(timedOut());
            }
        }
        return Optional.empty();
    }

    private Optional<Diagnosis> bySqlState(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (!(t instanceof PSQLException) || ((PSQLException) t).getServerErrorMessage() == null) {
                continue;
            }
            ServerErrorMessage server = ((PSQLException) t).getServerErrorMessage();
            String state = String.valueOf(server.getSQLState());
            String message = String.valueOf(server.getMessage());
            switch (state) {
                case "28P01":
                    return auth(new Failure(
                            "Password authentication failed",
                            "The server rejected the password for user " + profile.user() + ".",
                            "Check the user name and the password (passwords are case-sensitive). If a saved"
                                    + " password was used, it may be outdated: enter it again.",
                            state));
                case "28000":
                    return auth(invalidAuthorization(message, state));
                case "3D000":
                    return auth(new Failure(
                            "Database does not exist",
                            "The server has no database named " + profile.database() + ".",
                            "Check the database name (names are case-sensitive), or connect to the postgres"
                                    + " database and look at the list of databases.",
                            state));
                case "53300":
                    return auth(new Failure(
                            "Too many connections",
                            "The server refused the connection because too many are open: either all of its"
                                    + " connections (max_connections) are in use, or user " + profile.user()
                                    + " or the database has reached its connection limit.",
                            "Close unused connections (other applications, idle sessions), or ask the"
                                    + " administrator to raise max_connections or the role's CONNECTION LIMIT.",
                            state));
                case "57P03":
                    return auth(new Failure(
                            "Server not accepting connections",
                            "The server is starting up, shutting down or in recovery and does not accept"
                                    + " connections right now.",
                            "Wait a moment and try again; if it persists, check the server's log.",
                            state));
                default:
                    if (state.startsWith("28")) {
                        return auth(invalidAuthorization(message, state));
                    }
                    return auth(new Failure(
                            "The server refused the connection",
                            "The server answered: " + message,
                            "Check the connection settings; the server's log may say more.",
                            state));
            }
        }
        return Optional.empty();
    }

    private Failure invalidAuthorization(String message, String state) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("pg_hba.conf")) {
            String sslHint = profile.sslMode() == SslMode.DISABLE || profile.sslMode() == SslMode.ALLOW
                    ? " If the server accepts only encrypted connections, choose SSL mode require or stricter."
                    : "";
            return new Failure(
                    "No pg_hba.conf entry",
                    "The server's access rules (pg_hba.conf) have no entry allowing user " + profile.user()
                            + " to reach database " + profile.database() + " from this address with these"
                            + " settings. The server said: " + message,
                    "Ask the administrator to add a matching line to pg_hba.conf and reload the server, or use"
                            + " a user, database or connection that an existing rule allows." + sslHint,
                    state);
        }
        if (lower.contains("certificate")) {
            return clientCertificateRejected("The server said: " + message, state);
        }
        return new Failure(
                "Access denied",
                "The server did not let user " + profile.user() + " connect. The server said: " + message,
                "Check that the user exists and may log in to this database (role LOGIN, CONNECT privilege).",
                state);
    }

    private Failure clientCertificateRejected(String detail, String state) {
        return new Failure(
                "Client certificate rejected",
                "The server requires a valid client certificate for user " + profile.user() + " and did not accept"
                        + (profile.sslCert() == null ? " the connection without one." : " " + profile.sslCert() + ".")
                        + " " + detail,
                "Choose the client certificate and key issued for this user (its common name must match the user"
                        + " name, or the server's user map), signed by the CA the server trusts.",
                state);
    }

    /** pgjdbc's own errors carry no server SQLSTATE that tells them apart; their English text does. */
    private Optional<Diagnosis> byDriverMessage(List<Throwable> chain) {
        for (Throwable t : chain) {
            String lower = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (lower.contains("does not support ssl")) {
                return tls(sslNotSupported(sqlState(t)));
            }
            if (lower.contains("hostnameverifier")) {
                return tls(hostNameMismatch("The server's certificate was not issued for " + profile.host() + "."));
            }
            if (lower.contains("no password was provided") || lower.contains("password-based authentication")) {
                return auth(passwordRequired(sqlState(t)));
            }
            if (lower.contains("timed out")) {
                return network(timedOut());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return tls(sslFailure((SSLException) t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof EOFException) {
                return network(new Failure(
                        "Connection closed by the server",
                        "The server closed the connection before it was established.",
                        "Check the server's log for the reason; the server may be overloaded or restarting.",
                        ""));
            }
        }
        return Optional.empty();
    }

    private Failure sslFailure(SSLException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // TLS alert names are protocol constants, not translated text.
        if (lower.contains("certificate_required")
                || lower.contains("bad_certificate")
                || lower.contains("unknown_ca")
                || lower.contains("certificate_unknown")
                || lower.contains("access_denied")) {
            return clientCertificateRejected("The TLS handshake ended with: " + e.getMessage(), "");
        }
        return new Failure(
                "TLS handshake failed",
                "The encrypted connection could not be set up: " + e.getMessage(),
                "Check the SSL settings of the profile and of the server (protocol versions, certificates).",
                "");
    }

    private Failure sslNotSupported(String state) {
        return new Failure(
                "Server does not support SSL",
                "The server at " + endpoint() + " does not accept encrypted connections, but SSL mode "
                        + profile.sslMode() + " requires encryption.",
                "Ask the administrator to enable SSL on the server (ssl = on with a certificate). Choose a"
                        + " mode without encryption only on a network you trust.",
                state);
    }

    private Failure passwordRequired(String state) {
        return new Failure(
                "Password required",
                "The server asks for a password for user " + profile.user() + ", but none was given.",
                "Enter the password, or store it in the keyring or ~/.pgpass.",
                state);
    }

    private Failure hostNameMismatch(String detail) {
        return new Failure(
                "Host name mismatch",
                detail + " SSL mode verify-full checks that the certificate belongs to the host you connect to,"
                        + " so a trusted certificate of another server is rejected.",
                "Connect using a host name the certificate names (see above), or ask for a server certificate"
                        + " that includes " + profile.host() + ". verify-ca would skip this check but would not"
                        + " detect another server holding a certificate from the same CA.",
                "");
    }

    private Failure timedOut() {
        return new Failure(
                TIMED_OUT,
                "No answer from " + endpoint() + " within the connection timeout: either nothing answered the"
                        + " connection (a firewall may be dropping the traffic), or something accepted it but never"
                        + " answered PostgreSQL's startup request (another service on that port, or a stuck server).",
                "Check the host and port (that PostgreSQL, and not another service, listens there) and any firewall"
                        + " or VPN in between; if the server is just slow, raise the connection timeout.",
                "");
    }

    /** A timeout although the TCP connection was made: what listens there does not speak PostgreSQL's protocol. */
    private Failure noAnswerAfterConnect() {
        String request = profile.sslMode() == SslMode.DISABLE ? "startup request" : "TLS request (SSLRequest)";
        return new Failure(
                "No answer after connecting",
                "Something at " + endpoint() + " accepted the TCP connection but never answered PostgreSQL's "
                        + request + " within the connection timeout (" + profile.connectTimeoutSeconds() + " s)."
                        + " It may not be a PostgreSQL server (another service on this port, or a proxy with"
                        + " nothing behind it), or the server is stuck.",
                "Check that port " + profile.port() + " on " + profile.host() + " is really PostgreSQL's (ask the"
                        + " administrator, or look at the port setting in postgresql.conf); if the server is only"
                        + " slow to answer, raise the connection timeout.",
                "");
    }

    private Diagnosis generic(List<Throwable> chain) {
        Throwable innermost = chain.get(chain.size() - 1);
        String detail = Optional.ofNullable(innermost.getMessage())
                .or(() -> Optional.ofNullable(chain.get(0).getMessage()))
                .orElse("no further detail");
        String state = chain.stream()
                .filter(SQLException.class::isInstance)
                .map(t -> ((SQLException) t).getSQLState())
                .filter(s -> s != null)
                .findFirst()
                .orElse("");
        return new Diagnosis(
                Stage.NETWORK,
                new Failure(
                        GENERIC_TITLE,
                        "The connection to " + endpoint() + " failed: " + detail,
                        "Check the connection settings and that the server is running.",
                        state));
    }

    private String endpoint() {
        return profile.host() + ":" + profile.port();
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException && ((SQLException) t).getSQLState() != null
                ? ((SQLException) t).getSQLState()
                : "";
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Optional<Diagnosis> tls(Failure failure) {
        return Optional.of(new Diagnosis(Stage.TLS, failure));
    }

    private static Optional<Diagnosis> auth(Failure failure) {
        return Optional.of(new Diagnosis(Stage.AUTHENTICATION, failure));
    }

    private static Optional<Diagnosis> network(Failure failure) {
        return Optional.of(new Diagnosis(Stage.NETWORK, failure));
    }
}
