package dev.pgdesk.connect.tls;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one TLS handshake showed, for the connection test report.
 *
 * @param protocol for example {@code TLSv1.3}; empty if the handshake ended before it was known
 * @param cipherSuite for example {@code TLS_AES_256_GCM_SHA384}
 * @param serverSubject the server certificate's subject
 * @param serverIssuer the server certificate's issuer
 * @param serverNames the DNS names and IP addresses the server certificate was issued for
 * @param serverNotAfter when the server certificate expires
 * @param verification whether and how the certificate was checked
 * @param rootFile the root certificate file checked against, when verifying
 * @param trustAnchor the subject of the root certificate the chain led to, when verified
 * @param problem why verification failed, when it did
 * @param clientCertificate the subject of the client certificate sent, when the server asked for one
 */
public record HandshakeFacts(
        String protocol,
        String cipherSuite,
        String serverSubject,
        String serverIssuer,
        List<String> serverNames,
        Instant serverNotAfter,
        Verification verification,
        Optional<Path> rootFile,
        Optional<String> trustAnchor,
        Optional<String> problem,
        Optional<String> clientCertificate) {

    public HandshakeFacts {
        serverNames = List.copyOf(serverNames);
    }

    /** How the server certificate was checked. */
    public enum Verification {
        /** The mode does not check the certificate (allow, prefer, require without root certificate). */
        NOT_CHECKED,
        /** The chain leads to a certificate in the root file (and, in verify-full, the host name matched). */
        VERIFIED,
        /** Checked and rejected; {@link #problem()} says why. */
        REJECTED
    }

    HandshakeFacts withClientCertificate(String subject) {
        return new HandshakeFacts(
                protocol,
                cipherSuite,
                serverSubject,
                serverIssuer,
                serverNames,
                serverNotAfter,
                verification,
                rootFile,
                trustAnchor,
                problem,
                Optional.of(subject));
    }
}
