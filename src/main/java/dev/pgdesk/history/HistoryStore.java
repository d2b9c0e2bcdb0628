package dev.pgdesk.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.config.AtomicFiles;
import dev.pgdesk.config.SetAside;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every executed statement, kept across restarts in a JSON Lines file readable by its owner only (statements
 * and parameter values may be sensitive). Appending writes one line and flushes it, so a crash loses at most
 * the line being written; such a torn line is skipped on reading (and logged), never fatal. When the file
 * holds about a fifth more than {@code maxEntries}, it is rewritten atomically with the newest {@code
 * maxEntries}. A damaged file is moved aside and reported by {@link #problems()}; a file that cannot be opened
 * (permissions) and a file written by a newer pgdesk are reported and left exactly as they are (a newer one is
 * read as far as this version understands it), and statements are then not recorded.
 *
 * <p>The entries are kept in memory after the first read, so searching costs no disk access; a file that
 * changed behind this store's back (another pgdesk window) is read again. Thread-safe.
 */
public final class HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    // Jackson refuses strings over 20 million characters by default; a statement may be a whole script, and these are
    // our own files.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build());

    /** How many entries are kept unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final Path file;
    private final int maxEntries;
    private final Clock clock;

    /** Oldest first, as in the file. */
    private final List<Indexed> entries = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();
    private boolean loaded;
    /** The file's size as last read or written here; a different size means someone else wrote to it. */
    private long knownSize;

    private boolean endsWithNewline = true;
    /**
     * Why appending is refused, or null: an unreadable file could not be moved aside (appending would bury
     * it), cannot be opened, or belongs to a newer pgdesk.
     */
    private String unusable;

    public HistoryStore(Path file) {
        this(file, DEFAULT_MAX_ENTRIES);
    }

    public HistoryStore(Path file, int maxEntries) {
        this(file, maxEntries, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    HistoryStore(Path file, int maxEntries, Clock clock) {
        this.file = Objects.requireNonNull(file, "The history needs a file");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("The history must keep at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Adds the entry at the end of the file and flushes it to disk; may rewrite the file to drop old ones. */
    public synchronized void append(HistoryEntry entry) throws IOException {
        Objects.requireNonNull(entry, "Nothing to add to the history");
        refreshIfChanged();
        if (unusable != null) {
            throw new IOException(unusable);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (knownSize == 0) {
            writeLine(out, HistoryJson.header());
        } else if (!endsWithNewline) {
            // A line cut off by a crash: end it, so that it stays one damaged line and ours starts clean.
            out.write('\n');
        }
        writeLine(out, HistoryJson.toJson(entry));
        byte[] bytes = out.toByteArray();
        try (FileChannel channel = openForAppend()) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        knownSize += bytes.length;
        endsWithNewline = true;
        entries.add(new Indexed(entry));
        if (entries.size() > maxEntries + maxEntries / 5) {
            compact();
        }
    }

    /**
     * The newest entries first whose statement, connection name or message contains every word of {@code
     * query}, ignoring case; an empty query matches every entry.
     *
     * @param limit at most this many entries
     */
    public synchronized List<HistoryEntry> search(String query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Ask for at least one history entry, not " + limit);
        }
        String trimmed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        try {
            refreshIfChanged();
        } catch (IOException e) {
            LOG.warn("Could not check the history file {} for changes: {}", file, e.toString());
        }
        List<HistoryEntry> found = new ArrayList<>(Math.min(limit, entries.size()));
        for (int i = entries.size() - 1; i >= 0 && found.size() < limit; i--) {
            Indexed candidate = entries.get(i);
            if (candidate.matches(words)) {
                found.add(candidate.entry);
            }
        }
        return found;
    }

    /** What went wrong reading the file, in words for the user (a file moved aside); empty when nothing did. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Forgets every entry and deletes the file. */
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
        entries.clear();
        loaded = true;
        knownSize = 0;
        endsWithNewline = true;
        unusable = null;
    }

    private void refreshIfChanged() throws IOException {
        long size = sizeOrZero();
        if (!loaded || size != knownSize) {
            load();
        }
    }

    private long sizeOrZero() throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private void load() throws IOException {
        entries.clear();
        loaded = true;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            knownSize = 0;
            endsWithNewline = true;
            unusable = null;
            return;
        } catch (IOException e) {
            // Permissions, most likely: the file may be fine, so it is reported and left where it is.
            knownSize = sizeOrZero();
            report("The statement history " + file + " could not be read (" + e.getMessage() + "). pgdesk leaves it"
                    + " as it is and does not record statements until your user may read and write it (chmod u+rw).");
            unusable = "The history file " + file + " could not be read, so the statement was not recorded: give"
                    + " your user read and write access to it (chmod u+rw).";
            return;
        }
        knownSize = bytes.length;
        endsWithNewline = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
        int headerEnd = indexOf(bytes, 0);
        int newer = newerVersion(bytes, headerEnd);
        if (newer > 0) {
            // The newer version owns the file: never moved aside or appended to, read where lines are understood.
            report("The statement history " + file + " was written by a newer version of pgdesk (format version "
                    + newer + "; this version reads " + HistoryJson.FORMAT_VERSION + "). Its entries are shown as far"
                    + " as this version understands them; the file is left as it is and statements are not recorded"
                    + " by this version.");
            unusable = "The history file " + file + " was written by a newer version of pgdesk (format version " + newer
                    + "), so this version does not add to it: the statement was not recorded.";
        } else {
            String headerProblem = headerProblem(bytes, headerEnd);
            if (headerProblem != null) {
                setAside(headerProblem);
                return;
            }
            unusable = null;
        }
        int damaged = 0;
        int lastDamagedLine = 0;
        int lineNumber = 1;
        for (int start = headerEnd + 1; start < bytes.length; ) {
            int end = indexOf(bytes, start);
            lineNumber++;
            if (end > start) {
                try {
                    entries.add(new Indexed(HistoryJson.fromJson(MAPPER.readTree(bytes, start, end - start))));
                } catch (IOException | HistoryJson.BadEntryException e) {
                    damaged++;
                    lastDamagedLine = lineNumber;
                }
            }
            start = end + 1;
        }
        if (damaged > 0 && newer == 0) {
            LOG.warn(
                    "Skipped {} damaged line(s) of the history file {} (the last is line {}); a line cut off when"
                            + " pgdesk was stopped is the usual cause, and the other entries are kept",
                    damaged,
                    file,
                    lastDamagedLine);
        }
    }

    /** Where the line starting at {@code start} ends: its newline, or the end of the data. */
    private static int indexOf(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /** The format version in the header when it is higher than this version's; 0 otherwise. */
    private static int newerVersion(byte[] bytes, int headerEnd) {
        if (bytes.length == 0) {
            return 0;
        }
        try {
            JsonNode header = MAPPER.readTree(bytes, 0, headerEnd);
            JsonNode version = header == null ? null : header.get("formatVersion");
            return version != null && version.isInt() && version.intValue() > HistoryJson.FORMAT_VERSION
                    ? version.intValue()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String headerProblem(byte[] bytes, int headerEnd) {
        if (bytes.length == 0) {
            return null;
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(bytes, 0, headerEnd);
        } catch (IOException e) {
            return "does not start with a pgdesk history header";
        }
        JsonNode version = header == null ? null : header.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            return "has no valid formatVersion";
        }
        return null;
    }

    private void setAside(String what) {
        String problem;
        try {
            Path aside = SetAside.corruptFile(file, clock);
            problem = "The statement history " + file + " " + what + ". It was moved to " + aside
                    + " so that nothing is lost, and a new history is started.";
            knownSize = 0;
            endsWithNewline = true;
            unusable = null;
        } catch (IOException e) {
            problem = "The statement history " + file + " " + what + ", and it could not be moved aside ("
                    + e.getMessage() + "). Statements are not recorded until it is moved or deleted.";
            unusable = "The history file " + file + " cannot be read and could not be moved aside; move or delete"
                    + " it, then run the statement again to record it.";
        }
        report(problem);
    }

    /** Keeps a problem for {@link #problems()}, once: the file is read again whenever it changes. */
    private void report(String problem) {
        if (!problems.contains(problem)) {
            LOG.warn(problem);
            problems.add(problem);
        }
    }

    /** Rewrites the file with the newest {@code maxEntries}, atomically. */
    private void compact() throws IOException {
        List<Indexed> kept = new ArrayList<>(entries.subList(entries.size() - maxEntries, entries.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLine(out, HistoryJson.header());
        for (Indexed indexed : kept) {
            writeLine(out, HistoryJson.toJson(indexed.entry));
        }
        byte[] bytes = out.toByteArray();
        AtomicFiles.write(file, bytes, true);
        entries.clear();
        entries.addAll(kept);
        knownSize = bytes.length;
        endsWithNewline = true;
        LOG.debug("Compacted the history file {} to {} entries", file, kept.size());
    }

    private FileChannel openForAppend() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Set<StandardOpenOption> options =
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return FileChannel.open(file, options, ownerOnly);
        }
        return FileChannel.open(file, options);
    }

    private static void writeLine(ByteArrayOutputStream out, JsonNode node) throws IOException {
        // Jackson escapes control characters in strings, so a statement's newlines never split the line.
        out.write(MAPPER.writeValueAsBytes(node));
        out.write('\n');
    }

    /** An entry with its lower-cased searchable text, computed once. */
    private static final class Indexed {
        final HistoryEntry entry;
        private String haystack;

        Indexed(HistoryEntry entry) {
            this.entry = entry;
        }

        boolean matches(String[] words) {
            if (words.length == 0) {
                return true;
            }
            if (haystack == null) {
                haystack = (entry.statement() + '\n' + entry.profileName() + '\n' + entry.message())
                        .toLowerCase(Locale.ROOT);
            }
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }
}
