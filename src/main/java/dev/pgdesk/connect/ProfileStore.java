package dev.pgdesk.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The saved profiles, as a versioned JSON file written atomically. Passwords are never written to it.
 * A file that cannot be read is moved aside, never overwritten, and {@link LoadResult#problem()} says so.
 */
public final class ProfileStore {
    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Profiles in the file (none when it does not exist yet). */
    public LoadResult load() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void save(List<ConnectionProfile> profiles) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param problem a message for the user when the file was unreadable and moved aside */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> problem) {}
}
