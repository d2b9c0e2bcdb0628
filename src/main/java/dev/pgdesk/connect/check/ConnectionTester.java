package dev.pgdesk.connect.check;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.task.CancellationToken;
import java.util.function.Consumer;

/**
 * Tests a profile outside any pool, step by step: host resolved, TCP connected, TLS, authenticated,
 * server facts. Never throws for a failed connection: the report explains it.
 */
public final class ConnectionTester {

    /**
     * @param password may be null when none is known
     * @param progress receives each step as it starts (RUNNING) and as it ends
     */
    public ConnectionReport test(
            ConnectionProfile profile, String password, Consumer<CheckStep> progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
