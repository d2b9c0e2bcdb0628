package dev.pgdesk.pool;

import dev.pgdesk.connect.ConnectionProfile;
import java.util.Optional;

/**
 * One HikariCP pool per open profile, shared by every editor, grid and monitor of that profile, plus a
 * tiny separate pool per profile for the monitor so that it always gets a connection.
 */
public final class PoolManager implements AutoCloseable {

    /** An empty manager; pools are created as profiles are opened. */
    public PoolManager() {}

    /** The session for {@code profile}, creating its pool on first use. */
    public PooledSession open(ConnectionProfile profile, String password) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The monitor's own session for an open profile. */
    public PooledSession monitor(String profileId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean isOpen(String profileId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Optional<PoolStats> stats(String profileId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Closes the pools of one profile (disconnect). */
    public void close(String profileId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Closes every pool (on exit). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
