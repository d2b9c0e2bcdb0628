package dev.pgdesk.connect.secret;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.PgPassFile;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds and keeps profile passwords where each profile's {@link PasswordStorage} says: keyring, {@code
 * ~/.pgpass}, or nowhere (ask every time). As libpq does, {@code PGPASSWORD} and a matching {@code
 * ~/.pgpass} entry are honoured for any profile that has no password of its own.
 */
public final class PasswordService implements PasswordLookup {
    private final SecretStore keyring;
    private final PgPassFile pgpass;
    private final PgEnvironment env;

    public PasswordService(SecretStore keyring, PgPassFile pgpass, PgEnvironment env) {
        this.keyring = keyring;
        this.pgpass = pgpass;
        this.env = env;
    }

    /**
     * The service for this user: the OS keyring if one answers within {@code keyringProbeTimeout} (this
     * call may block that long, so never call it on the FX thread), the password file libpq would use.
     */
    public static PasswordService forCurrentUser(PgEnvironment env, Duration keyringProbeTimeout) {
        return new PasswordService(KeyringSecretStore.probe(keyringProbeTimeout), PgPassFile.locate(env), env);
    }

    /**
     * A lookup of saved profiles' keyring passwords that opens the keyring only when a profile stored in
     * it is first looked up, so commands that never need it never wait for it.
     */
    public static PasswordLookup lazyKeyringLookup(Duration probeTimeout) {
        return new PasswordLookup() {
            private SecretStore keyring;

            @Override
            public synchronized Optional<String> find(ConnectionProfile profile) {
                if (profile.passwordStorage() != PasswordStorage.KEYRING) {
                    return Optional.empty();
                }
                if (keyring == null) {
                    keyring = KeyringSecretStore.probe(probeTimeout);
                }
                return keyring.read(keyringKey(profile));
            }
        };
    }

    @Override
    public Optional<String> find(ConnectionProfile profile) {
        Optional<String> own = switch (profile.passwordStorage()) {
            case KEYRING -> keyring.read(keyringKey(profile));
            case PGPASS_FILE, ASK_EVERY_TIME -> Optional.empty();
        };
        return own.or(() -> env.get("PGPASSWORD"))
                .or(() -> pgpass.find(profile.host(), profile.port(), profile.database(), profile.user()));
    }

    /**
     * Stores {@code password} as the profile asks. For ask-every-time nothing is stored, and a keyring
     * entry left from an earlier choice is removed.
     */
    public void save(ConnectionProfile profile, String password) throws IOException, SecretStoreException {
        switch (profile.passwordStorage()) {
            case KEYRING -> keyring.write(keyringKey(profile), password);
            case PGPASS_FILE -> {
                pgpass.store(profile.host(), profile.port(), profile.database(), profile.user(), password);
                keyring.delete(keyringKey(profile));
            }
            case ASK_EVERY_TIME -> keyring.delete(keyringKey(profile));
        }
    }

    /**
     * The stored password of the profile's encrypted client key: kept only in the keyring (a password
     * file has no place for it), so other profiles ask for it when connecting.
     */
    public Optional<String> findKeyPassword(ConnectionProfile profile) {
        return profile.passwordStorage() == PasswordStorage.KEYRING
                ? keyring.read(keyPasswordKey(profile))
                : Optional.empty();
    }

    /** Stores the client key's password in the keyring when the profile keeps secrets there; else forgets it. */
    public void saveKeyPassword(ConnectionProfile profile, String keyPassword) throws SecretStoreException {
        if (profile.passwordStorage() == PasswordStorage.KEYRING && keyPassword != null && !keyPassword.isEmpty()) {
            keyring.write(keyPasswordKey(profile), keyPassword);
        } else {
            keyring.delete(keyPasswordKey(profile));
        }
    }

    /** Removes the profile's secrets from the keyring (the profile was deleted). */
    public void forget(ConnectionProfile profile) {
        keyring.delete(keyringKey(profile));
        keyring.delete(keyPasswordKey(profile));
    }

    public boolean keyringAvailable() {
        return keyring.isAvailable();
    }

    public String keyringDescription() {
        return keyring.description();
    }

    private static String keyPasswordKey(ConnectionProfile profile) {
        return keyringKey(profile) + ":sslkey";
    }

    /** Keyed by the profile's id, so renaming a profile keeps its password. */
    private static String keyringKey(ConnectionProfile profile) {
        return "profile:" + profile.id();
    }
}
