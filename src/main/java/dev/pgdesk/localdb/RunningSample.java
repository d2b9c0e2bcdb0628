package dev.pgdesk.localdb;

import dev.pgdesk.connect.ConnectionProfile;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's hold on the shared sample server (see {@link SampleDatabase#attachOrStart}): a pgdesk window or a
 * command. {@link #close()} lets go; the last user to let go stops the server, whoever started it. A user that
 * exits without closing lets go at exit; one that is killed is forgotten by the next user that comes.
 */
public final class RunningSample implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningSample.class);

    private final SampleEndpoint endpoint;
    /** The server this user started; null when it found one running. */
    private final SampleDatabase started;

    private final SampleUsers users;
    private final Path entry;
    private final Path directory;
    private final Thread atExit;
    private boolean closed;

    RunningSample(SampleEndpoint endpoint, SampleDatabase started, SampleUsers users, Path entry, Path directory) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.started = started;
        this.users = users;
        this.entry = entry;
        this.directory = directory;
        this.atExit = new Thread(this::letGo, "pgdesk-sample-at-exit");
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /** How to reach the server. */
    public SampleEndpoint endpoint() {
        return endpoint;
    }

    /** A profile for the sample server (not saved; SSL disabled on loopback). */
    public ConnectionProfile profile() {
        return endpoint.profile();
    }

    /** The superuser password from the sample directory. */
    public String password() {
        return endpoint.password();
    }

    /** True when this user started the server (it may still be left running for others when this one closes). */
    public boolean startedHere() {
        return started != null;
    }

    /** Lets go of the server, and stops it if no other pgdesk window or command uses it. Safe to call twice. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook lets go.
        }
        letGo();
    }

    private synchronized void letGo() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            users.whileLocked(() -> {
                users.leave(entry);
                if (users.anyAlive()) {
                    LOG.info("The sample database keeps running: another pgdesk window or command uses it");
                } else if (started != null) {
                    started.close();
                } else {
                    SampleDatabase.stopServerStartedElsewhere(directory);
                }
                return null;
            });
        } catch (LocalPostgresException e) {
            LOG.warn("Could not let go of the sample database in {}: {}", directory, e.getMessage());
        }
    }
}
