package dev.pgdesk.connect;

/** Where a resolved connection setting came from, as {@code pgdesk conninfo} reports it. */
public enum SettingSource {
    ARGUMENT,
    PROFILE,
    ENVIRONMENT,
    PGPASS,
    KEYRING,
    DEFAULT,
    NONE
}
