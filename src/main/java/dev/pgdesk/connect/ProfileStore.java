package dev.pgdesk.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pgdesk.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved profiles, as a versioned JSON file written atomically. Passwords are never written to it.
 * A file that cannot be read is moved aside, never overwritten, and {@link LoadResult#problem()} says so.
 */
public final class ProfileStore {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    /** Set when an unreadable file could not be moved aside: saving would destroy it. */
    private boolean unreadableFileInPlace;

    public ProfileStore(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    ProfileStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Profiles in the file (none when it does not exist yet). */
    public synchronized LoadResult load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LoadResult(List.of(), Optional.empty());
        } catch (IOException e) {
            return setAside("could not be read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            return setAside("is not valid JSON");
        } catch (IOException e) {
            return setAside("could not be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return setAside(root == null || root.isMissingNode() ? "is empty" : "is not a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            return setAside("has no valid formatVersion");
        }
        if (version.intValue() > ProfileJson.FORMAT_VERSION) {
            return setAside("was written by a newer version of pgdesk (format version " + version.intValue()
                    + "; this version reads " + ProfileJson.FORMAT_VERSION + ")");
        }
        JsonNode entries = root.get("profiles");
        if (entries == null || !entries.isArray()) {
            return setAside("has no list of profiles");
        }
        return readProfiles(entries);
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
        problems.add(backUp().map(copy -> "A copy of the file as it was is kept at " + copy + ".")
                .orElse("Fix the entry in " + file + " before saving connections, or it will be lost."));
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

    /** Moves the unreadable file to a new, dated name beside it and explains what happened. */
    private LoadResult setAside(String what) {
        String problem;
        try {
            Path aside = moveAside();
            unreadableFileInPlace = false;
            problem = "The saved connections file " + file + " " + what + ". It was moved to " + aside
                    + " so that nothing is lost, and a fresh file will be used from now on.";
        } catch (IOException e) {
            unreadableFileInPlace = true;
            problem = "The saved connections file " + file + " " + what + ", and it could not be moved aside ("
                    + e.getMessage() + "). pgdesk will not overwrite it: move or repair it, then restart.";
        }
        LOG.warn(problem);
        return new LoadResult(List.of(), Optional.of(problem));
    }

    private Path moveAside() throws IOException {
        return placeBeside("unreadable", candidate -> Files.move(file, candidate));
    }

    private Optional<Path> backUp() {
        try {
            return Optional.of(placeBeside("backup", candidate -> Files.copy(file, candidate)));
        } catch (IOException e) {
            LOG.warn("Could not copy {} before skipping entries: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Files never replace an existing file: the first free name wins. */
    private Path placeBeside(String kind, FileAction action) throws IOException {
        String base =
                file.getFileName() + "." + kind + "-" + LocalDateTime.now(clock).format(STAMP);
        for (int attempt = 1; ; attempt++) {
            Path candidate = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            try {
                action.apply(candidate);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    @FunctionalInterface
    private interface FileAction {
        void apply(Path target) throws IOException;
    }

    public synchronized void save(List<ConnectionProfile> profiles) throws IOException {
        if (unreadableFileInPlace && Files.exists(file)) {
            try {
                moveAside();
            } catch (IOException e) {
                throw new IOException(
                        "The saved connections file " + file + " could not be read and could not be" + " moved aside ("
                                + e.getMessage() + "); pgdesk will not overwrite it: move or repair it.",
                        e);
            }
            unreadableFileInPlace = false;
        }
        byte[] json = MAPPER.writeValueAsBytes(ProfileJson.toJson(profiles));
        byte[] content = new byte[json.length + 1];
        System.arraycopy(json, 0, content, 0, json.length);
        content[json.length] = '\n';
        AtomicFiles.write(file, content, true);
    }

    /** @param problem a message for the user when the file was unreadable and moved aside */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> problem) {
        public LoadResult {
            profiles = List.copyOf(profiles);
        }
    }
}
