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
 * A file that cannot be read is moved aside, never overwritten, and {@link LoadResult#problem()} says so.
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
        if (read.problem().isPresent()) {
            return new LoadResult(List.of(), read.problem());
        }
        return readProfiles(read.entries());
    }

    private LoadResult readProfiles(JsonNode entries) {
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
        if (problems.isEmpty()) {
            return new LoadResult(profiles, Optional.empty());
        }
        // Saving would drop the skipped entries; keep a copy of the file as it was.
        problems.add(json.backUp()
                .map(copy -> "A copy of the file as it was is kept at " + copy + ".")
                .orElse("Fix the entry in " + json.file() + " before saving connections, or it will be lost."));
        return new LoadResult(profiles, Optional.of(String.join("\n", problems)));
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

    public synchronized void save(List<ConnectionProfile> profiles) throws IOException {
        json.write(ProfileJson.toJson(profiles));
    }

    /** @param problem a message for the user when the file was unreadable and moved aside */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> problem) {
        public LoadResult {
            profiles = List.copyOf(profiles);
        }
    }
}
