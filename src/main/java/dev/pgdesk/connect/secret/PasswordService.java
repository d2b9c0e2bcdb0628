package dev.pgdesk.connect.secret;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds and keeps profile passwords where each profile's {@link dev.pgdesk.connect.PasswordStorage}
 * says: keyring, {@code ~/.pgpass}, or nowhere (ask every time). {@code PGPASSWORD} and an existing
 * {@code ~/.pgpass} entry are honoured as libpq does.
 */
public final class PasswordService implements PasswordLookup {

    /**
     * The service for this user: the OS keyring if one answers within {@code keyringProbeTimeout} (this
     * call may block that long, so never call it on the FX thread), the password file libpq would use.
     */
    public static PasswordService forCurrentUser(PgEnvironment env, Duration keyringProbeTimeout) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Optional<String> find(ConnectionProfile profile) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Stores {@code password} as the profile asks; does nothing for ask-every-time. */
    public void save(ConnectionProfile profile, String password) throws IOException, SecretStoreException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Removes the profile's password from the keyring (the profile was deleted). */
    public void forget(ConnectionProfile profile) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean keyringAvailable() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public String keyringDescription() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
