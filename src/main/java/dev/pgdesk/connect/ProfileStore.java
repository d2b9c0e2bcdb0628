package dev.pgdesk.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgdesk.config.VersionedJsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The saved profiles, as a versioned JSON file written atomically. Passwords are never written to it.
 * Loading never changes the file; what {@link VersionedJsonFile} decides about damaged, unreadable or newer
 * files holds here, and {@link LoadResult#problem()} says what was found. A file from a newer pgdesk is
 * read as far as this version understands it and never saved over ({@link LoadResult#newerFile()}).
 */
public final class ProfileStore {
    private final VersionedJsonFile json;

    public ProfileStore(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    ProfileStore(Path file, Clock clock) {
        this.json = new VersionedJsonFile(
                file, "saved connections file", "profiles", ProfileJson.FORMAT_VERSION, "unreadable", clock);
    }

    public Path file() {
        return json.file();
    }

    /** Profiles in the file (none when it does not exist yet). */
    public synchronized LoadResult load() {
        VersionedJsonFile.Read read = json.read();
        if (read.problem().isPresent() && !read.newer()) {
            return new LoadResult(List.of(), read.problem(), false);
        }
        return readProfiles(read);
    }

    private LoadResult readProfiles(VersionedJsonFile.Read read) {
        JsonNode entries = read.entries();
        List<ConnectionProfile> profiles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            try {
                ConnectionProfile profile = ProfileJson.fromJson(entry);
                if (!ids.add(profile.id())) {
                    throw new ProfileJson.BadProfileException("another saved connection has the same id");
                }
                profiles.add(profile);
            } catch (ProfileJson.BadProfileException e) {
                problems.add(
                        "The saved connection " + describe(entry, index) + " was skipped: " + e.getMessage() + ".");
            }
        }
        if (read.newer()) {
            // This version never writes a newer file, so nothing it skipped can be lost: no copy is needed.
            read.problem().ifPresent(problem -> problems.add(0, problem));
            return new LoadResult(profiles, Optional.of(String.join("\n", problems)), true);
        }
        if (problems.isEmpty()) {
            return new LoadResult(profiles, Optional.empty(), false);
        }
        // Saving would drop the skipped entries: a copy of the file as it is is kept first, once.
        json.keepCopyBeforeNextWrite();
        problems.add("The file is left as it is; before connections are next saved, a copy of it is kept as "
                + json.backupName() + " beside it, so the entry is not lost.");
        return new LoadResult(profiles, Optional.of(String.join("\n", problems)), false);
    }

    private static String describe(JsonNode entry, int index) {
        JsonNode name = entry.get("name");
        if (name != null && name.isTextual() && !name.textValue().isBlank()) {
            return "\"" + name.textValue() + "\"";
        }
        JsonNode id = entry.get("id");
        if (id != null && id.isTextual() && !id.textValue().isBlank()) {
            return "with id " + id.textValue();
        }
        return "number " + index;
    }

    /**
     * Replaces the file with {@code profiles}.
     *
     * @throws IOException with a message for the user, and the file unchanged, when the file is from a newer
     *     pgdesk or cannot be read, or when writing failed
     */
    public synchronized void save(List<ConnectionProfile> profiles) throws IOException {
        json.write(ProfileJson.toJson(profiles));
    }

    /**
     * Checks that {@link #save} would write: call it before changing anything that belongs with the file (a
     * password in the keyring), so that a refused save changes nothing at all.
     *
     * @throws IOException the file is from a newer pgdesk or cannot be read; the message says so
     */
    public synchronized void requireWritable() throws IOException {
        json.requireWritable();
    }

    /**
     * @param problem a message for the user when the file or an entry could not be read
     * @param newerFile the file was written by a newer pgdesk: this version reads it but does not save over it
     */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> problem, boolean newerFile) {
        public LoadResult {
            profiles = List.copyOf(profiles);
        }

        public LoadResult(List<ConnectionProfile> profiles, Optional<String> problem) {
            this(profiles, problem, false);
        }
    }
}
