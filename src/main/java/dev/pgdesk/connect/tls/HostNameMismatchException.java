package dev.pgdesk.connect.tls;

import java.security.cert.CertificateException;
import java.util.List;

/** verify-full: the server's certificate, although trusted, was not issued for the host name connected to. */
public final class HostNameMismatchException extends CertificateException {
    private final String host;
    private final List<String> certificateNames;

    public HostNameMismatchException(String host, List<String> certificateNames) {
        super("The server's certificate is for " + String.join(", ", certificateNames) + ", not for " + host);
        this.host = host;
        this.certificateNames = List.copyOf(certificateNames);
    }

    /** The host name pgdesk connected to. */
    public String host() {
        return host;
    }

    /** The names the certificate was issued for (subject alternative names, else the common name). */
    public List<String> certificateNames() {
        return certificateNames;
    }
}
