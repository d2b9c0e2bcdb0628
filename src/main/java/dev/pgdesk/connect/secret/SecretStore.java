package dev.pgdesk.connect.secret;

import java.util.Optional;

/** A place to keep passwords that is not a plain-text file: the operating system's keyring. */
public interface SecretStore {

    /** False when no keyring answered (for example no Secret Service daemon on Linux). */
    boolean isAvailable();

    /** A short description for the UI, for example {@code Secret Service} or {@code no keyring found}. */
    String description();

    Optional<String> read(String key);

    void write(String key, String secret) throws SecretStoreException;

    void delete(String key);
}
