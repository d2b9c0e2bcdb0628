package dev.pgdesk.connect;

import java.util.Locale;
import java.util.Optional;

/**
 * The six SSL modes of libpq, with the meaning libpq documents for each. pgdesk enforces exactly these
 * meanings, including libpq's rule that {@code require} with a root certificate verifies the server's
 * certificate chain like {@code verify-ca} (pgjdbc alone never verifies in {@code require}).
 */
public enum SslMode {
    DISABLE(
            "disable",
            "No encryption. Anyone on the network can read the traffic, including the password exchange"
                    + " details, and can impersonate the server."),
    ALLOW(
            "allow",
            "Tries without encryption first and encrypts only if the server insists. Protects against"
                    + " neither eavesdropping nor a fake server."),
    PREFER(
            "prefer",
            "Encrypts if the server supports it, otherwise connects in plain text. The certificate is not"
                    + " checked, so it protects against passive eavesdropping only when the server offers SSL,"
                    + " and never against a fake server."),
    REQUIRE(
            "require",
            "Always encrypts, so passive eavesdropping is prevented. The certificate is only checked when a"
                    + " root certificate is given (then as in verify-ca); without one, a fake server is not"
                    + " detected."),
    VERIFY_CA(
            "verify-ca",
            "Always encrypts and checks that the server's certificate is signed by the root certificate"
                    + " you give. Protects against eavesdropping and against servers your CA did not sign, but"
                    + " not against another server holding a certificate from the same CA."),
    VERIFY_FULL(
            "verify-full",
            "Always encrypts, checks the certificate against your root certificate and checks that it was"
                    + " issued for the host name you connect to. Protects against eavesdropping and fake"
                    + " servers: the recommended mode on untrusted networks.");

    private final String libpqName;
    private final String protection;

    SslMode(String libpqName, String protection) {
        this.libpqName = libpqName;
        this.protection = protection;
    }

    /** The keyword libpq and pgjdbc use for this mode, for example {@code verify-full}. */
    public String libpqName() {
        return libpqName;
    }

    /** One or two sentences a user reads in the connection dialog: what this mode protects against. */
    public String protection() {
        return protection;
    }

    /** True when every connection in this mode is encrypted or fails. */
    public boolean requiresEncryption() {
        return this == REQUIRE || this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** True when the mode cannot work without a root certificate file. */
    public boolean requiresRootCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Whether the server certificate chain is verified, given whether a root certificate is set. */
    public boolean verifiesCertificate(boolean rootCertificateGiven) {
        return requiresRootCertificate() || (this == REQUIRE && rootCertificateGiven);
    }

    /** Parses a libpq keyword, case-insensitively. */
    public static Optional<SslMode> fromLibpqName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (SslMode mode : values()) {
            if (mode.libpqName.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return libpqName;
    }
}
