package dev.pgdesk.cli;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.SettingSource;
import dev.pgdesk.localdb.LocalPostgresException;
import dev.pgdesk.localdb.RunningSample;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.localdb.SampleEndpoint;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The built-in Sample database as a command's target: named like a saved profile ({@value SampleDatabase#NAME}),
 * it connects to the sample server a pgdesk window or another command runs, or starts one. {@link #release()} lets
 * go of it, and the server stops when no one else uses it.
 */
final class SampleTarget {
    /** For commands made without a sample directory (tests): the sample is not available. */
    static final SampleTarget NONE = new SampleTarget(null);

    /** Where the sample server's files live; read only when a command targets it. */
    private final Supplier<Path> directory;
    /** Whether a sample that is not running is started, or reported (for commands that do not connect). */
    private final boolean startWhenStopped;

    /** How to reach the sample, once {@link #open} found or started it. */
    private SampleEndpoint endpoint;
    /** This command's hold on the server, when it connects; {@link #release()} lets go. */
    private RunningSample held;

    /** @param directory the sample's data directory; null when commands may not use the sample */
    SampleTarget(Supplier<Path> directory) {
        this(directory, true);
    }

    private SampleTarget(Supplier<Path> directory, boolean startWhenStopped) {
        this.directory = directory;
        this.startWhenStopped = startWhenStopped;
    }

    /** The user's own sample, where the pgdesk window keeps it. */
    static SampleTarget forCurrentUser() {
        return new SampleTarget(() -> SampleDatabase.defaultDataDirectory(
                AppDirectories.forCurrentUser().dataDir()));
    }

    /** The same sample, but only when it is running: never started (for commands that do not connect). */
    SampleTarget runningOnly() {
        return new SampleTarget(directory, false);
    }

    /** Whether {@code target} names the sample (spaces around and letter case do not matter). */
    static boolean names(String target) {
        return folded(target).equals(folded(SampleDatabase.NAME));
    }

    /** The saved profile among {@code saved} whose name is also the sample's, which then takes precedence. */
    static Optional<ConnectionProfile> shadowing(List<ConnectionProfile> saved) {
        return saved.stream().filter(p -> names(p.name())).findFirst();
    }

    /**
     * {@code saved} with the sample appended when no saved profile has its id: for naming the profile a
     * saved query belongs to. It comes last, so that a saved profile of the same name is found first.
     */
    static List<ConnectionProfile> withSample(List<ConnectionProfile> saved) {
        if (saved.stream().anyMatch(p -> p.id().equals(SampleDatabase.PROFILE_ID))) {
            return saved;
        }
        ConnectionProfile sample = ConnectionProfile.builder()
                .id(SampleDatabase.PROFILE_ID)
                .name(SampleDatabase.NAME)
                .build();
        return Stream.concat(saved.stream(), Stream.of(sample)).toList();
    }

    /**
     * Settings for the sample server: the running one, or one started now ({@code progress} hears how the
     * start goes).
     *
     * @throws ConnInfoException when the sample cannot be used here or its server does not start; the
     *     message says why
     */
    synchronized ResolvedSettings open(Consumer<String> progress) throws ConnInfoException {
        if (directory == null) {
            throw new ConnInfoException("the " + SampleDatabase.NAME + " is not available to this command");
        }
        if (endpoint == null) {
            try {
                if (startWhenStopped) {
                    held = SampleDatabase.attachOrStart(directory.get(), progress);
                    endpoint = held.endpoint();
                } else {
                    endpoint = SampleDatabase.findRunning(directory.get())
                            .orElseThrow(() -> new ConnInfoException("the " + SampleDatabase.NAME + " is not"
                                    + " running; its port is chosen when it starts (open it in the pgdesk window,"
                                    + " or let a command that connects, such as 'pgdesk query', start it)"));
                }
            } catch (LocalPostgresException e) {
                throw new ConnInfoException("the " + SampleDatabase.NAME + " could not be opened: " + e.getMessage());
            }
        }
        Map<String, SettingSource> sources = new HashMap<>();
        for (String keyword : ResolvedSettings.KEYWORDS) {
            sources.put(keyword, SettingSource.PROFILE);
        }
        return new ResolvedSettings(endpoint.profile(), Optional.of(endpoint.password()), sources);
    }

    /** Lets go of the sample server; it stops unless a pgdesk window or another command still uses it. */
    synchronized void release() {
        if (held != null) {
            held.close();
            held = null;
        }
        endpoint = null;
    }

    private static String folded(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
