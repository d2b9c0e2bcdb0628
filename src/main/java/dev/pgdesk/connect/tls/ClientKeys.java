package dev.pgdesk.connect.tls;

import dev.pgdesk.connect.ConnectionProfile;
import java.nio.file.Path;

/** What the UI needs to know about a profile's client key before connecting. */
public final class ClientKeys {
    private ClientKeys() {}

    /**
     * Whether connecting with {@code profile} needs a key password: its client key (or PKCS#12 file) is
     * encrypted and cannot be read without one. A missing or broken file answers false: connecting then
     * reports that problem itself.
     */
    public static boolean needPassword(ConnectionProfile profile) {
        Path cert = profile.sslCert();
        Path key = profile.sslKey();
        if (cert == null && key == null) {
            return false;
        }
        try {
            ClientKeyMaterial.load(cert, key, null);
            return false;
        } catch (TlsFileException e) {
            return e.passwordRequired();
        }
    }
}
