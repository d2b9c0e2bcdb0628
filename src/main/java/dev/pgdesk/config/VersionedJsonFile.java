package dev.pgdesk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settings file of pgdesk's own, {@code {"formatVersion": n, "<list>": [...]}}, written atomically with
 * owner-only permissions. The stores of profiles and saved queries parse the entries; this class owns the
 * file and decides what may happen to it:
 *
 * <ul>
 *   <li>Reading never changes anything on disk, so commands that only read (the CLI's {@code saved list},
 *       {@code run}, {@code conninfo}) leave the configuration exactly as it was.
 *   <li>A file written by a newer pgdesk (a higher format version) is read as far as this version
 *       understands it, and never written, moved or copied: that version owns it.
 *   <li>A file that cannot be opened (permissions) is reported and never written over or moved: it may be
 *       perfectly good.
 *   <li>A damaged file (not JSON, no format version, no list) is moved aside to a dated name beside it just
 *       before the next write, so nothing is lost and nothing happens while only reading.
 *   <li>A file whose entries the store had to skip is copied once, to a dated backup, before the write that
 *       drops them.
 * </ul>
 *
 * <p>The problems are returned in words for the user and logged at debug level only: the caller shows them
 * (the CLI on stderr, the window in a notice), so they are not printed twice.
 */
public final class VersionedJsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(VersionedJsonFile.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String BACKUP = "backup";

    /**
     * What a read found.
     *
     * @param entries the list's entries; an empty array when the file does not exist or could not be read
     * @param problem a message for the user when the file could not be read, or only in part
     * @param newer whether the file was written by a newer pgdesk; then this version never writes it
     */
    public record Read(JsonNode entries, Optional<String> problem, boolean newer) {}

    private final Path file;
    private final String title;
    private final String listField;
    private final int formatVersion;
    private final String asideKind;
    private final Clock clock;
    /** Set when the last read found entries the store skipped: the next write keeps a copy first. */
    private boolean copyBeforeWrite;

    /**
     * @param title the file in words, for messages: "saved connections file"
     * @param listField the field holding the entries: "profiles"
     * @param formatVersion the newest format this version reads and the one it writes
     * @param asideKind the word in the name a damaged file is moved to: {@code <name>.<kind>-<stamp>}
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

    /** The file's state on disk, as far as deciding what reading and writing may do. */
    private sealed interface State {}

    private record Missing() implements State {}

    /** The file exists but could not be opened or read: it may be fine, so it is never touched. */
    private record Unopenable(String reason) implements State {}

    /** The file is not a document of this kind: it is moved aside before the next write. */
    private record Damaged(String what) implements State {}

    private record Newer(int version, JsonNode entries) implements State {}

    private record Current(JsonNode entries) implements State {}

    /** The entries of the file; nothing on disk changes, whatever the file holds. */
    public synchronized Read read() {
        copyBeforeWrite = false;
        State state = inspect();
        JsonNode empty = JsonNodeFactory.instance.arrayNode();
        Read read;
        if (state instanceof Missing) {
            read = new Read(empty, Optional.empty(), false);
        } else if (state instanceof Current current) {
            read = new Read(current.entries(), Optional.empty(), false);
        } else if (state instanceof Unopenable unopenable) {
            read = new Read(
                    empty,
                    Optional.of("The " + title + " " + file + " could not be read (" + unopenable.reason()
                            + "). pgdesk leaves it as it is and will not save over it: give your user read and"
                            + " write access to it (chmod u+rw), then start pgdesk again."),
                    false);
        } else if (state instanceof Newer newer) {
            String was = "The " + title + " " + file + " was written by a newer version of pgdesk (format version "
                    + newer.version() + "; this version reads " + formatVersion + "). ";
            read = newer.entries() == null
                    ? new Read(
                            empty,
                            Optional.of(was + "This version cannot read it, leaves it as it is and will not change"
                                    + " it: use the newer pgdesk."),
                            true)
                    : new Read(
                            newer.entries(),
                            Optional.of(was + "Its " + listField + " are read as far as this version understands"
                                    + " them; this version will not change the file: use the newer pgdesk for"
                                    + " that."),
                            true);
        } else {
            Damaged damaged = (Damaged) state;
            read = new Read(
                    empty,
                    Optional.of("The " + title + " " + file + " " + damaged.what() + ". pgdesk leaves it as it is"
                            + " for now; the next time anything is saved there, it is first moved to "
                            + file.getFileName() + "." + asideKind + "-<date> beside it, so nothing is lost."),
                    false);
        }
        read.problem().ifPresent(problem -> LOG.debug("{}", problem));
        return read;
    }

    private State inspect() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (AccessDeniedException e) {
            return new Unopenable("permission denied");
        } catch (IOException e) {
            return new Unopenable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            return new Damaged("is not valid JSON");
        } catch (IOException e) {
            return new Unopenable(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return new Damaged(root == null || root.isMissingNode() ? "is empty" : "is not a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            return new Damaged("has no valid formatVersion");
        }
        JsonNode entries = root.get(listField);
        boolean hasList = entries != null && entries.isArray();
        if (version.intValue() > formatVersion) {
            return new Newer(version.intValue(), hasList ? entries : null);
        }
        if (!hasList) {
            return new Damaged("has no list of " + listField);
        }
        return new Current(entries);
    }

    /**
     * Asks for a copy of the file as it is now, made once, just before the next write: the store skipped
     * entries that the write will drop. Reading alone copies nothing.
     */
    public synchronized void keepCopyBeforeNextWrite() {
        copyBeforeWrite = true;
    }

    /** The name a copy of the file gets, for messages: {@code profiles.json.backup-<date>}. */
    public String backupName() {
        return file.getFileName() + "." + BACKUP + "-<date>";
    }

    /**
     * Replaces the file with {@code document} (and a final newline), atomically and readable by the owner only.
     * The file on disk is looked at again first, as another pgdesk may have written it since it was read.
     *
     * @throws IOException with a message for the user when the file is from a newer pgdesk or cannot be read
     *     (it is left as it is), or when writing failed
     */
    public synchronized void write(JsonNode document) throws IOException {
        State state = checkWritable();
        if (state instanceof Damaged) {
            try {
                Path aside = placeBeside(asideKind, candidate -> Files.move(file, candidate));
                LOG.info("Moved the damaged {} {} to {} before writing a new one", title, file, aside);
            } catch (IOException e) {
                throw new IOException(
                        "The " + title + " " + file + " cannot be read and could not be moved aside (" + e.getMessage()
                                + "); pgdesk will not overwrite it: move or repair it.",
                        e);
            }
        } else if (state instanceof Current && copyBeforeWrite) {
            backUp();
        }
        copyBeforeWrite = false;
        byte[] json = MAPPER.writeValueAsBytes(document);
        byte[] content = new byte[json.length + 1];
        System.arraycopy(json, 0, content, 0, json.length);
        content[json.length] = '\n';
        AtomicFiles.write(file, content, true);
    }

    /**
     * Checks that {@link #write} would write, without writing: callers check before changes elsewhere (a
     * password in the keyring) that must not happen when the file is not saved.
     *
     * @throws IOException with the message {@link #write} would fail with: the file is from a newer pgdesk
     *     or cannot be read
     */
    public synchronized void requireWritable() throws IOException {
        checkWritable();
    }

    private State checkWritable() throws IOException {
        State state = inspect();
        if (state instanceof Newer newer) {
            throw new IOException("The " + title + " " + file + " was written by a newer version of pgdesk (format"
                    + " version " + newer.version() + "; this version writes " + formatVersion + "), so this"
                    + " version does not change it and nothing was saved. Make the change in the newer pgdesk.");
        }
        if (state instanceof Unopenable unopenable) {
            throw new IOException("The " + title + " " + file + " could not be read (" + unopenable.reason()
                    + "), so pgdesk does not save over it and nothing was saved. Give your user read and write"
                    + " access to it (chmod u+rw), then try again.");
        }
        return state;
    }

    /**
     * Copies the file to a dated backup beside it, unless a backup with the same bytes is already there.
     *
     * @throws IOException when no copy could be made: the write that would drop entries does not happen
     */
    private void backUp() throws IOException {
        byte[] current = Files.readAllBytes(file);
        String prefix = file.getFileName() + "." + BACKUP + "-";
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                if (sibling.getFileName().toString().startsWith(prefix)
                        && Files.isRegularFile(sibling)
                        && Files.size(sibling) == current.length
                        && Arrays.equals(Files.readAllBytes(sibling), current)) {
                    return;
                }
            }
        }
        try {
            Path copy = placeBeside(BACKUP, candidate -> writeNew(candidate, current));
            LOG.info("Kept a copy of the {} {} at {} before dropping entries it could not read", title, file, copy);
        } catch (IOException e) {
            throw new IOException(
                    "Could not keep a copy of the " + title + " " + file + " before dropping the entries it could"
                            + " not read (" + e.getMessage() + "); nothing was saved. Fix or remove those entries"
                            + " first.",
                    e);
        }
    }

    /** Creates {@code target} with {@code content}, owner-only like the file itself (it may hold SQL). */
    private static void writeNew(Path target, byte[] content) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes =
                target.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(target, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
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
}
