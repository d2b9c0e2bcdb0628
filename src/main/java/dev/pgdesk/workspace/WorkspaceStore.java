package dev.pgdesk.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.config.AtomicFiles;
import dev.pgdesk.config.SetAside;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open editor tabs, one JSON file per tab ({@code <id>.json}) in one directory, each written atomically
 * and readable by its owner only (the text may hold secrets). One file per tab keeps every write small
 * whatever the number of tabs, and a damaged file costs one tab, never all. A file that cannot be read is
 * moved aside as {@code <name>.corrupt-<timestamp>} and reported; the other tabs load. A tab file written by
 * a newer pgdesk is reported and left exactly where it is.
 */
public final class WorkspaceStore {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceStore.class);
    // Jackson refuses strings over 20 million characters by default; a tab may hold a whole SQL file, and these are our
    // own files.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build());
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final Clock clock;

    public WorkspaceStore(Path directory) {
        this(directory, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    WorkspaceStore(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "The workspace needs a directory");
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** The saved tabs in their order (none when the directory does not exist yet), and what could not be read. */
    public synchronized LoadResult load() {
        List<EditorTabState> tabs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try {
            files = tabFiles();
        } catch (NoSuchFileException e) {
            return new LoadResult(List.of(), List.of());
        } catch (IOException e) {
            String problem = "The saved editor tabs in " + directory + " could not be listed (" + e.getMessage()
                    + "). Check that the directory is readable; tabs opened now are still saved there.";
            LOG.warn(problem);
            return new LoadResult(List.of(), List.of(problem));
        }
        for (Path file : files) {
            try {
                tabs.add(read(file));
            } catch (IOException e) {
                // A file we cannot even read may still be fine later (permissions); leave it where it is.
                String problem = "The saved editor tab " + file + " could not be read (" + e.getMessage() + ").";
                LOG.warn(problem);
                problems.add(problem);
            } catch (NewerTabException e) {
                // The newer pgdesk owns the file: it stays where it is, for that version to restore.
                String problem = "The saved editor tab " + file.getFileName() + " was written by a newer version of"
                        + " pgdesk (format version " + e.version + "); this version does not restore it and leaves"
                        + " the file as it is.";
                LOG.warn(problem);
                problems.add(problem);
            } catch (TabJson.BadTabException e) {
                problems.add(setAside(file, e.getMessage()));
            }
        }
        tabs.sort(Comparator.comparingInt(EditorTabState::order).thenComparing(EditorTabState::id));
        return new LoadResult(tabs, problems);
    }

    private List<Path> tabFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        // Only <uuid>.json: temporary files of interrupted writes and files set aside are not tabs.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    /** A tab file of a newer format: never moved aside or written by this version. */
    private static final class NewerTabException extends Exception {
        final int version;

        NewerTabException(int version) {
            super("format version " + version);
            this.version = version;
        }
    }

    private EditorTabState read(Path file) throws IOException, TabJson.BadTabException, NewerTabException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new TabJson.BadTabException(bytes.length == 0 ? "it is empty" : "it is not valid JSON");
        }
        JsonNode version = root == null ? null : root.get("formatVersion");
        if (version != null && version.isInt() && version.intValue() > TabJson.FORMAT_VERSION) {
            throw new NewerTabException(version.intValue());
        }
        EditorTabState tab = TabJson.fromJson(root);
        if (!file.getFileName().toString().equals(tab.id() + SUFFIX)) {
            throw new TabJson.BadTabException("its name does not match the tab id " + tab.id() + " inside it");
        }
        return tab;
    }

    private String setAside(Path file, String what) {
        String problem;
        try {
            Path aside = SetAside.corruptFile(file, clock);
            problem = "A saved editor tab could not be restored: " + file.getFileName() + " " + what
                    + ". It was moved to " + aside + " so that nothing is lost; the other tabs are restored.";
        } catch (IOException e) {
            problem = "A saved editor tab could not be restored: " + file + " " + what
                    + ", and it could not be moved aside (" + e.getMessage() + "). Move or delete it by hand.";
        }
        LOG.warn(problem);
        return problem;
    }

    /** Writes the tab's file atomically, replacing what was saved for the same id. */
    public synchronized void save(EditorTabState tab) throws IOException {
        Objects.requireNonNull(tab, "Nothing to save");
        byte[] json = MAPPER.writeValueAsBytes(TabJson.toJson(tab));
        AtomicFiles.write(fileOf(tab.id()), json, true);
    }

    /** Deletes the tab's file; nothing happens if there is none. */
    public synchronized void remove(String id) throws IOException {
        Files.deleteIfExists(fileOf(id));
    }

    private Path fileOf(String id) {
        // A UUID cannot climb out of the directory; anything else is refused before it touches a path.
        UUID.fromString(Objects.requireNonNull(id, "A tab id is needed"));
        return directory.resolve(id + SUFFIX);
    }

    /**
     * @param tabs the restored tabs, sorted by {@link EditorTabState#order()}
     * @param problems one plain-words message per tab file that could not be restored
     */
    public record LoadResult(List<EditorTabState> tabs, List<String> problems) {
        public LoadResult {
            tabs = List.copyOf(tabs);
            problems = List.copyOf(problems);
        }
    }
}
