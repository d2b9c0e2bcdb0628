package dev.pgdesk.connect.tls;

import java.nio.file.Path;
import java.security.cert.CertificateException;

/** The server's certificate chain does not lead to any certificate in the user's root certificate file. */
public final class CertificateNotTrustedException extends CertificateException {
    private final transient Path rootFile;
    private final String serverSubject;
    private final String serverIssuer;

    public CertificateNotTrustedException(Path rootFile, String serverSubject, String serverIssuer, Throwable cause) {
        super(
                "The server's certificate (" + serverSubject + ", issued by " + serverIssuer
                        + ") is not signed by a certificate in " + rootFile,
                cause);
        this.rootFile = rootFile;
        this.serverSubject = serverSubject;
        this.serverIssuer = serverIssuer;
    }

    public Path rootFile() {
        return rootFile;
    }

    public String serverSubject() {
        return serverSubject;
    }

    public String serverIssuer() {
        return serverIssuer;
    }
}
