package dev.pgdesk.connect;

/** Where the password of a saved profile is kept. It is never kept in the profiles file. */
public enum PasswordStorage {
    /** The operating system's keyring (Secret Service, macOS Keychain, Windows Credential Manager). */
    KEYRING,
    /** Nowhere: pgdesk asks every time it connects. */
    ASK_EVERY_TIME,
    /** An entry in {@code ~/.pgpass} (or {@code PGPASSFILE}) with 0600 permissions, shared with psql. */
    PGPASS_FILE
}
