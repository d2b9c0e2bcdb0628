package dev.pgdesk.connect;

/** Turns a parsed connection string into a profile, filling gaps from the PG* environment and defaults. */
public final class ProfileImport {
    private ProfileImport() {}

    public static ImportedProfile fromConnInfo(ConnInfo info, PgEnvironment env) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
