package dev.pgdesk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settings file of pgdesk's own, {@code {"formatVersion": n, "<list>": [...]}}: read so that a file that
 * cannot be read is moved aside, never overwritten, and written atomically with owner-only permissions. The
 * stores of profiles and saved queries parse the entries; this class owns the file.
 */
public final class VersionedJsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(VersionedJsonFile.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a read found.
     *
     * @param entries the list's entries; an empty array when the file does not exist or was moved aside
     * @param problem a message for the user when the file could not be read
     */
    public record Read(JsonNode entries, Optional<String> problem) {}

    private final Path file;
    private final String title;
    private final String listField;
    private final int formatVersion;
    private final String asideKind;
    private final Clock clock;
    /** Set when an unreadable file could not be moved aside: writing would destroy it. */
    private boolean unreadableFileInPlace;

    /**
     * @param title the file in words, for messages: "saved connections file"
     * @param listField the field holding the entries: "profiles"
     * @param formatVersion the newest format this version reads
     * @param asideKind the word in the name an unreadable file is moved to: {@code <name>.<kind>-<stamp>}
     * @param clock dates the names of files moved aside or copied
     */
    public VersionedJsonFile(
            Path file, String title, String listField, int formatVersion, String asideKind, Clock clock) {
        this.file = file;
        this.title = title;
        this.listField = listField;
        this.formatVersion = formatVersion;
        this.asideKind = asideKind;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The entries of the file; an unreadable file is moved aside and the problem says where. */
    public synchronized Read read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Read(JsonNodeFactory.instance.arrayNode(), Optional.empty());
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
        if (version.intValue() > formatVersion) {
            return setAside("was written by a newer version of pgdesk (format version " + version.intValue()
                    + "; this version reads " + formatVersion + ")");
        }
        JsonNode entries = root.get(listField);
        if (entries == null || !entries.isArray()) {
            return setAside("has no list of " + listField);
        }
        return new Read(entries, Optional.empty());
    }

    /**
     * Keeps a copy of the file as it is, before entries that could not be read are dropped by the next write.
     *
     * @return where the copy is; empty when it could not be made (logged)
     */
    public synchronized Optional<Path> backUp() {
        try {
            return Optional.of(placeBeside("backup", candidate -> Files.copy(file, candidate)));
        } catch (IOException e) {
            LOG.warn("Could not copy {} before skipping entries: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Replaces the file with {@code document} (and a final newline), atomically and readable by the owner only. */
    public synchronized void write(JsonNode document) throws IOException {
        if (unreadableFileInPlace && Files.exists(file)) {
            try {
                moveAside();
            } catch (IOException e) {
                throw new IOException(
                        "The " + title + " " + file + " could not be read and could not be moved aside ("
                                + e.getMessage() + "); pgdesk will not overwrite it: move or repair it.",
                        e);
            }
            unreadableFileInPlace = false;
        }
        byte[] json = MAPPER.writeValueAsBytes(document);
        byte[] content = new byte[json.length + 1];
        System.arraycopy(json, 0, content, 0, json.length);
        content[json.length] = '\n';
        AtomicFiles.write(file, content, true);
    }

    /** Moves the unreadable file to a new, dated name beside it and explains what happened. */
    private Read setAside(String what) {
        String problem;
        try {
            Path aside = moveAside();
            unreadableFileInPlace = false;
            problem = "The " + title + " " + file + " " + what + ". It was moved to " + aside
                    + " so that nothing is lost, and a fresh file will be used from now on.";
        } catch (IOException e) {
            unreadableFileInPlace = true;
            problem = "The " + title + " " + file + " " + what + ", and it could not be moved aside (" + e.getMessage()
                    + "). pgdesk will not overwrite it: move or repair it, then restart.";
        }
        LOG.warn(problem);
        return new Read(JsonNodeFactory.instance.arrayNode(), Optional.of(problem));
    }

    private Path moveAside() throws IOException {
        // Without REPLACE_EXISTING the move fails rather than overwrite an earlier file.
        return placeBeside(asideKind, candidate -> Files.move(file, candidate));
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
}
