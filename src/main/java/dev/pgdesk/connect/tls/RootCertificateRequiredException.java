package dev.pgdesk.connect.tls;

import dev.pgdesk.connect.SslMode;
import java.io.IOException;

/**
 * A verifying SSL mode was requested without a root certificate file. pgdesk never falls back to the
 * JVM's trust store: the dialog promises verification against the file the user chose.
 */
public final class RootCertificateRequiredException extends IOException {
    private final SslMode mode;

    public RootCertificateRequiredException(SslMode mode) {
        super("SSL mode " + mode.libpqName() + " needs a root certificate file to check the server's certificate"
                + " against, but none is set.");
        this.mode = mode;
    }

    public SslMode mode() {
        return mode;
    }
}
