package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ProfileStore;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Loads saved profiles for a command on first use, passing any problem with the file on as a warning. */
final class SavedProfiles implements Supplier<List<ConnectionProfile>> {
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
            result.problem().ifPresent(problem -> problem.lines().forEach(warnings));
            loaded = result.profiles();
        }
        return loaded;
    }
}
