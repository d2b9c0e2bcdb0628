package dev.pgdesk.connect.tls;

import dev.pgdesk.connect.tls.HandshakeFacts.Verification;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Checks the server's certificate the way the SSL mode promises: not at all (allow, prefer, require
 * without root certificate), against the root certificate file only (verify-ca, and require with a root
 * certificate), or against that file plus the host name (verify-full). Records what it saw.
 */
final class ServerCertificateCheck extends X509ExtendedTrustManager {
    private final List<X509Certificate> roots;
    private final Path rootFile;
    private final boolean checkHostName;
    private final Optional<HandshakeRecorder.Recording> recording;

    /**
     * @param roots empty to accept any certificate
     * @param rootFile where {@code roots} came from, for messages; null when not verifying
     */
    ServerCertificateCheck(
            List<X509Certificate> roots,
            Path rootFile,
            boolean checkHostName,
            Optional<HandshakeRecorder.Recording> recording) {
        this.roots = List.copyOf(roots);
        this.rootFile = rootFile;
        this.checkHostName = checkHostName;
        this.recording = recording;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSession session = socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
        check(chain, session);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("pgdesk only acts as a TLS client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("pgdesk only acts as a TLS client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("pgdesk only acts as a TLS client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots.toArray(new X509Certificate[0]);
    }

    private void check(X509Certificate[] chain, SSLSession session) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        if (roots.isEmpty()) {
            record(leaf, session, Verification.NOT_CHECKED, null, null);
            return;
        }
        X500Principal anchor;
        try {
            anchor = trustAnchorFor(chain);
        } catch (GeneralSecurityException e) {
            CertificateNotTrustedException untrusted =
                    new CertificateNotTrustedException(rootFile, subject(leaf), issuer(leaf), e);
            record(leaf, session, Verification.REJECTED, null, untrusted.getMessage());
            throw untrusted;
        }
        if (checkHostName) {
            String host = session == null ? null : session.getPeerHost();
            if (host == null || !HostNameMatcher.matches(host, leaf)) {
                HostNameMismatchException mismatch =
                        new HostNameMismatchException(String.valueOf(host), HostNameMatcher.namesOf(leaf));
                record(leaf, session, Verification.REJECTED, anchor, mismatch.getMessage());
                throw mismatch;
            }
        }
        record(leaf, session, Verification.VERIFIED, anchor, null);
    }

    private X500Principal trustAnchorFor(X509Certificate[] chain) throws GeneralSecurityException {
        X509Certificate leaf = chain[0];
        if (roots.contains(leaf)) {
            // The server's own certificate is in the root file (self-signed servers): trusted as is.
            leaf.checkValidity();
            return leaf.getSubjectX500Principal();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        // libpq checks revocation only with an explicit CRL; pgdesk offers none, so neither does it here.
        parameters.setRevocationEnabled(false);
        parameters.addCertStore(
                CertStore.getInstance("Collection", new CollectionCertStoreParameters(Arrays.asList(chain))));
        PKIXCertPathBuilderResult result =
                (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
        return result.getTrustAnchor().getTrustedCert().getSubjectX500Principal();
    }

    private void record(
            X509Certificate leaf, SSLSession session, Verification verification, X500Principal anchor, String problem) {
        recording.ifPresent(r -> r.serverCertificateChecked(new HandshakeFacts(
                session == null ? "" : session.getProtocol(),
                session == null ? "" : session.getCipherSuite(),
                subject(leaf),
                issuer(leaf),
                HostNameMatcher.namesOf(leaf),
                leaf.getNotAfter().toInstant(),
                verification,
                Optional.ofNullable(roots.isEmpty() ? null : rootFile),
                Optional.ofNullable(anchor).map(a -> a.getName(X500Principal.RFC2253)),
                Optional.ofNullable(problem),
                Optional.empty())));
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    private static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }
}
