package dev.pgdesk.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The libpq password file ({@code ~/.pgpass}, {@code PGPASSFILE}, or {@code %APPDATA%\postgresql\pgpass.conf}). */
public final class PgPassFile {
    private final Path path;

    public PgPassFile(Path path) {
        this.path = path;
    }

    /** The password file libpq would read in {@code env}. */
    public static PgPassFile locate(PgEnvironment env) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Path path() {
        return path;
    }

    /** The password of the first matching line, by libpq's matching rules ({@code *} wildcards, escapes). */
    public Optional<String> find(String host, int port, String database, String user) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Adds or replaces the exact entry for this host/port/database/user; the file is written 0600, atomically. */
    public void store(String host, int port, String database, String user, String password) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
