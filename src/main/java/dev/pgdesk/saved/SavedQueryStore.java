package dev.pgdesk.saved;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgdesk.config.VersionedJsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved queries, as a versioned JSON file ({@code saved-queries.json}) written atomically. Loading never
 * changes the file; what {@link VersionedJsonFile} decides about damaged, unreadable or newer files holds
 * here, and {@link LoadResult#problem()} says what was found. An entry that cannot be read is skipped, and a
 * copy of the file is kept before the next write drops it, so no query is ever lost silently. A file from a
 * newer pgdesk is read as far as this version understands it and never changed: every change is refused.
 *
 * <p>Every change (save, rename, delete) reads the file, changes it and writes it back whole, so that
 * changes made elsewhere (another window, the command line) since the last read are kept.
 */
public final class SavedQueryStore {
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryStore.class);
    private final VersionedJsonFile json;

    public SavedQueryStore(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    SavedQueryStore(Path file, Clock clock) {
        this.json = new VersionedJsonFile(
                file, "saved queries file", "queries", SavedQueryJson.FORMAT_VERSION, "corrupt", clock);
    }

    public Path file() {
        return json.file();
    }

    /** The queries in the file, by name then scope (none when it does not exist yet). */
    public synchronized LoadResult load() {
        VersionedJsonFile.Read read = json.read();
        if (read.problem().isPresent() && !read.newer()) {
            return new LoadResult(List.of(), read.problem(), false);
        }
        return readEntries(read);
    }

    private LoadResult readEntries(VersionedJsonFile.Read read) {
        JsonNode entries = read.entries();
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
        if (read.newer()) {
            // This version never writes a newer file, so nothing it skipped can be lost: no copy is needed.
            read.problem().ifPresent(problem -> problems.add(0, problem));
            return new LoadResult(queries, Optional.of(String.join("\n", problems)), true);
        }
        if (problems.isEmpty()) {
            return new LoadResult(queries, Optional.empty(), false);
        }
        // Saving would drop the skipped entries: a copy of the file as it is is kept first, once.
        json.keepCopyBeforeNextWrite();
        problems.add("The file is left as it is; before queries are next saved, a copy of it is kept as "
                + json.backupName() + " beside it, so the entry is not lost.");
        String problem = String.join("\n", problems);
        // The caller shows the problem (stderr, a notice); logging it as a warning would print it twice.
        LOG.debug(problem);
        return new LoadResult(queries, Optional.of(problem), false);
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

    /** Replaces the whole file with {@code queries}. */
    public synchronized void save(List<SavedQuery> queries) throws IOException {
        List<SavedQuery> sorted = new ArrayList<>(queries);
        sorted.sort(ORDER);
        json.write(SavedQueryJson.toJson(sorted));
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
     * Puts {@code query} in the place of {@code previous} in one write: an edit that may change the name or
     * the scope. Any other query already holding the new name in the new scope is replaced too (callers ask
     * the user first). The creation time of {@code previous} stays when it is still in the file.
     *
     * @return the query as stored
     */
    public synchronized SavedQuery replace(SavedQuery previous, SavedQuery query) throws IOException {
        List<SavedQuery> queries = new ArrayList<>(load().queries());
        Optional<SavedQuery> old = findExact(queries, previous.name(), previous.profileId());
        old.ifPresent(queries::remove);
        findExact(queries, query.name(), query.profileId()).ifPresent(queries::remove);
        SavedQuery stored = old.map(query::replacing).orElse(query);
        queries.add(stored);
        save(queries);
        return stored;
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
     * @param newerFile the file was written by a newer pgdesk: this version reads it but changes nothing in it
     */
    public record LoadResult(List<SavedQuery> queries, Optional<String> problem, boolean newerFile) {
        public LoadResult {
            queries = List.copyOf(queries);
        }

        public LoadResult(List<SavedQuery> queries, Optional<String> problem) {
            this(queries, problem, false);
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
