package dev.pgdesk.localdb;

import dev.pgdesk.connect.ConnectionProfile;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The one-click sample database: a local PostgreSQL in the user's data directory, on a free loopback
 * port, loaded with a small realistic schema on first use and reused afterwards.
 */
public final class SampleDatabase implements AutoCloseable {

    /** Where the sample lives for an app data directory (elsewhere when running as root: /root is 0700). */
    public static Path defaultDataDirectory(Path appDataDirectory) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Starts the server (creating and loading the database the first time). Blocks for seconds: call it
     * off the FX thread. {@code progress} hears short status lines.
     */
    public static SampleDatabase start(Path dataDirectory, Consumer<String> progress) throws LocalPostgresException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A profile for the running sample server (not saved; SSL disabled on loopback). */
    public ConnectionProfile profile() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public String password() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Stops the server; the data stays for the next launch. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
