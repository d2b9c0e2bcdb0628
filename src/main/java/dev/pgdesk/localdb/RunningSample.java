package dev.pgdesk.localdb;

import dev.pgdesk.connect.ConnectionProfile;
import java.util.Objects;

/**
 * The sample server as a command found it: either one already running (the pgdesk window started it),
 * which {@link #close()} leaves running, or one started for the command, which {@link #close()} stops.
 */
public final class RunningSample implements AutoCloseable {
    private final ConnectionProfile profile;
    private final String password;
    /** The server this command started; null when it attached to one that was running. */
    private final SampleDatabase started;

    private RunningSample(ConnectionProfile profile, String password, SampleDatabase started) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.password = Objects.requireNonNull(password, "password");
        this.started = started;
    }

    static RunningSample attached(ConnectionProfile profile, String password) {
        return new RunningSample(profile, password, null);
    }

    static RunningSample started(SampleDatabase sample) {
        return new RunningSample(sample.profile(), sample.password(), sample);
    }

    /** A profile for the sample server (not saved; SSL disabled on loopback). */
    public ConnectionProfile profile() {
        return profile;
    }

    /** The superuser password from the sample directory. */
    public String password() {
        return password;
    }

    /** True when this command started the server, and {@link #close()} stops it. */
    public boolean startedHere() {
        return started != null;
    }

    /** Stops the server if this command started it; a server someone else started keeps running. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
