package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.connect.tls.ClientKeys;
import java.util.Optional;

/**
 * What is known before connecting: the stored password, whether the client key is encrypted, and its
 * stored password. Looking them up reads the keyring and the key file, so it runs off the FX thread.
 */
record StoredSecrets(Optional<String> password, boolean keyPasswordNeeded, Optional<String> keyPassword) {

    /** @param service may be null while the keyring probe has not finished */
    static StoredSecrets find(PasswordService service, ConnectionProfile profile) {
        boolean keyNeeded = ClientKeys.needPassword(profile);
        if (service == null) {
            return new StoredSecrets(Optional.empty(), keyNeeded, Optional.empty());
        }
        return new StoredSecrets(
                service.find(profile), keyNeeded, keyNeeded ? service.findKeyPassword(profile) : Optional.empty());
    }
}
