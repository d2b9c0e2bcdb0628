package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ProfileStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Loads saved profiles for a command on first use, passing any problem with the file on as a warning. */
final class SavedProfiles implements Supplier<List<ConnectionProfile>> {
    /**
     * The problem lines already printed by the command running on this thread. {@code pgdesk run} reads the
     * profiles for itself and again for the query it hands on; the user should see each problem once.
     */
    private static final ThreadLocal<Set<String>> REPORTED = new ThreadLocal<>();

    private final ProfileStore store;
    private final Consumer<String> warnings;
    private List<ConnectionProfile> loaded;

    SavedProfiles(ProfileStore store, Consumer<String> warnings) {
        this.store = store;
        this.warnings = warnings;
    }

    @Override
    public synchronized List<ConnectionProfile> get() {
        if (loaded == null) {
            ProfileStore.LoadResult result = store.load();
            result.problem()
                    .ifPresent(problem ->
                            problem.lines().filter(SavedProfiles::firstTime).forEach(warnings));
            loaded = result.profiles();
        }
        return loaded;
    }

    private static boolean firstTime(String line) {
        Set<String> reported = REPORTED.get();
        return reported == null || reported.add(line);
    }

    /** A command's work, as {@link #reportingEachProblemOnce} runs it. */
    @FunctionalInterface
    interface Work {
        int run() throws Exception;
    }

    /** Runs {@code work} (one command) so that each problem with the profiles file is printed once in it. */
    static int reportingEachProblemOnce(Work work) throws Exception {
        Set<String> outer = REPORTED.get();
        if (outer != null) {
            return work.run();
        }
        REPORTED.set(new HashSet<>());
        try {
            return work.run();
        } finally {
            REPORTED.remove();
        }
    }
}
