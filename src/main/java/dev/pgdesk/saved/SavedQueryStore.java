package dev.pgdesk.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pgdesk.config.AtomicFiles;
import dev.pgdesk.config.SetAside;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved queries, as a versioned JSON file ({@code saved-queries.json}) written atomically. A file that
 * cannot be read is moved aside, never overwritten, and {@link LoadResult#problem()} says so; an entry that
 * cannot be read is skipped after a copy of the file is kept, so no query is ever lost silently.
 *
 * <p>Every change (save, rename, delete) reads the file, changes it and writes it back whole, so that
 * changes made elsewhere (another window, the command line) since the last read are kept.
 */
public final class SavedQueryStore {
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    /** Set when an unreadable file could not be moved aside: saving would destroy it. */
    private boolean unreadableFileInPlace;

    public SavedQueryStore(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    SavedQueryStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The queries in the file, by name then scope (none when it does not exist yet). */
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
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return setAside(root == null || root.isMissingNode() ? "is empty" : "is not a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            return setAside("has no valid formatVersion");
        }
        if (version.intValue() > SavedQueryJson.FORMAT_VERSION) {
            return setAside("was written by a newer version of pgdesk (format version " + version.intValue()
                    + "; this version reads " + SavedQueryJson.FORMAT_VERSION + ")");
        }
        JsonNode entries = root.get("queries");
        if (entries == null || !entries.isArray()) {
            return setAside("has no list of queries");
        }
        return readEntries(entries);
    }

    private LoadResult readEntries(JsonNode entries) {
        List<SavedQuery> queries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            try {
                SavedQuery query = SavedQueryJson.fromJson(entry);
                if (queries.stream().anyMatch(q -> q.name().equals(query.name()) && q.sameScope(query.profileId()))) {
                    throw new SavedQueryJson.BadEntryException("another saved query has the same name and scope");
                }
                queries.add(query);
            } catch (SavedQueryJson.BadEntryException e) {
                problems.add("The saved query " + describe(entry, index) + " was skipped: " + e.getMessage() + ".");
            }
        }
        queries.sort(ORDER);
        if (problems.isEmpty()) {
            return new LoadResult(queries, Optional.empty());
        }
        // Saving would drop the skipped entries; keep a copy of the file as it was.
        problems.add(backUp().map(copy -> "A copy of the file as it was is kept at " + copy + ".")
                .orElse("Fix the entry in " + file + " before saving queries, or it will be lost."));
        String problem = String.join("\n", problems);
        LOG.warn(problem);
        return new LoadResult(queries, Optional.of(problem));
    }

    private static final Comparator<SavedQuery> ORDER =
            Comparator.comparing(SavedQuery::name).thenComparing(q -> q.profileId() == null ? "" : q.profileId());

    private static String describe(JsonNode entry, int index) {
        JsonNode name = entry.get("name");
        if (name != null && name.isTextual() && !name.textValue().isBlank()) {
            return "\"" + name.textValue() + "\"";
        }
        return "number " + index;
    }

    private LoadResult setAside(String what) {
        String problem;
        try {
            Path aside = SetAside.corruptFile(file, clock);
            unreadableFileInPlace = false;
            problem = "The saved queries file " + file + " " + what + ". It was moved to " + aside
                    + " so that nothing is lost, and a fresh file will be used from now on.";
        } catch (IOException e) {
            unreadableFileInPlace = true;
            problem = "The saved queries file " + file + " " + what + ", and it could not be moved aside ("
                    + e.getMessage() + "). pgdesk will not overwrite it: move or repair it.";
        }
        LOG.warn(problem);
        return new LoadResult(List.of(), Optional.of(problem));
    }

    private Optional<Path> backUp() {
        String base = file.getFileName() + ".backup-" + LocalDateTime.now(clock).format(STAMP);
        for (int attempt = 1; attempt <= 100; attempt++) {
            Path candidate = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            try {
                return Optional.of(Files.copy(file, candidate));
            } catch (FileAlreadyExistsException e) {
                // Try the next name: an earlier copy is never replaced.
            } catch (IOException e) {
                LOG.warn("Could not copy {} before skipping entries: {}", file, e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Replaces the whole file with {@code queries}. */
    public synchronized void save(List<SavedQuery> queries) throws IOException {
        if (unreadableFileInPlace && Files.exists(file)) {
            throw new IOException("The saved queries file " + file + " could not be read and could not be moved"
                    + " aside; pgdesk will not overwrite it: move or repair it.");
        }
        List<SavedQuery> sorted = new ArrayList<>(queries);
        sorted.sort(ORDER);
        byte[] json = MAPPER.writeValueAsBytes(SavedQueryJson.toJson(sorted));
        byte[] content = new byte[json.length + 1];
        System.arraycopy(json, 0, content, 0, json.length);
        content[json.length] = '\n';
        AtomicFiles.write(file, content, true);
    }

    /**
     * Adds {@code query}, or replaces the query of the same name and scope (keeping its creation time).
     *
     * @return the query as stored
     */
    public synchronized SavedQuery put(SavedQuery query) throws IOException {
        List<SavedQuery> queries = new ArrayList<>(load().queries());
        Optional<SavedQuery> previous = findExact(queries, query.name(), query.profileId());
        SavedQuery stored = previous.map(query::replacing).orElse(query);
        previous.ifPresent(queries::remove);
        queries.add(stored);
        save(queries);
        return stored;
    }

    /**
     * Renames the query {@code name} of the given scope.
     *
     * @param profileId the scope: a profile id, or null for global
     * @throws IllegalArgumentException there is no such query, the new name is not allowed, or another
     *     query of the same scope already has it
     */
    public synchronized SavedQuery rename(String name, String profileId, String newName) throws IOException {
        SavedQuery.checkName(newName);
        List<SavedQuery> queries = new ArrayList<>(load().queries());
        SavedQuery query = findExact(queries, name, profileId)
                .orElseThrow(() -> new IllegalArgumentException(noSuchQuery(name, profileId)));
        if (!newName.equals(name) && findExact(queries, newName, profileId).isPresent()) {
            throw new IllegalArgumentException("Another saved query " + scopeText(profileId) + " is already called '"
                    + newName + "': choose another name or delete that one first");
        }
        SavedQuery renamed = query.renamed(newName);
        queries.remove(query);
        queries.add(renamed);
        save(queries);
        return renamed;
    }

    /**
     * Deletes the query {@code name} of the given scope.
     *
     * @return whether there was one
     */
    public synchronized boolean delete(String name, String profileId) throws IOException {
        List<SavedQuery> queries = new ArrayList<>(load().queries());
        Optional<SavedQuery> query = findExact(queries, name, profileId);
        if (query.isEmpty()) {
            return false;
        }
        queries.remove(query.get());
        save(queries);
        return true;
    }

    private static Optional<SavedQuery> findExact(List<SavedQuery> queries, String name, String profileId) {
        return queries.stream()
                .filter(q -> q.name().equals(name) && q.sameScope(profileId))
                .findFirst();
    }

    private static String noSuchQuery(String name, String profileId) {
        return "There is no saved query '" + name + "' " + scopeText(profileId);
    }

    private static String scopeText(String profileId) {
        return profileId == null ? "among the global ones" : "for the profile with id " + profileId;
    }

    /**
     * @param queries sorted by name, then scope (global first)
     * @param problem a message for the user when the file or an entry could not be read
     */
    public record LoadResult(List<SavedQuery> queries, Optional<String> problem) {
        public LoadResult {
            queries = List.copyOf(queries);
        }

        /**
         * The query called {@code name} for a profile: the one scoped to that profile first, then the global
         * one.
         *
         * @param profileId the profile the query runs against, or null when the target is no saved profile
         *     (then only a global query is found)
         */
        public Optional<SavedQuery> find(String name, String profileId) {
            if (profileId != null) {
                Optional<SavedQuery> scoped = findExact(queries, name, profileId);
                if (scoped.isPresent()) {
                    return scoped;
                }
            }
            return findExact(queries, name, null);
        }

        /** Every query called {@code name}, whatever its scope. */
        public List<SavedQuery> named(String name) {
            return queries.stream().filter(q -> q.name().equals(name)).toList();
        }
    }
}
