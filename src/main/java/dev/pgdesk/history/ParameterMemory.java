package dev.pgdesk.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.config.AtomicFiles;
import dev.pgdesk.config.SetAside;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parameter values last used with each statement, offered again the next time it runs. Statements are
 * matched by their text {@linkplain #key(String) with whitespace normalized}: trimmed, and every run of
 * whitespace (spaces, tabs, line breaks) taken as one space, so re-indenting or re-wrapping a statement
 * still recalls its values. (Whitespace inside string literals is normalized too; two statements that differ
 * only there share their values, which is harmless as they have the same parameters.)
 *
 * <p>Keeps the {@value #MAX_STATEMENTS} statements most recently remembered. The file is small, so it is
 * rewritten atomically, readable by its owner only (values may be sensitive), on each {@link #remember}; it is
 * read once, on first use. A damaged file is moved aside and reported by {@link #problem()}; a file that
 * cannot be opened (permissions) and a file written by a newer pgdesk are reported and left exactly as they
 * are (a newer one is read as far as this version understands it), and values are then remembered for the
 * session only.
 * Statements or values longer than {@value #MAX_TEXT_LENGTH} characters are not remembered, to keep the file
 * small. Thread-safe.
 */
public final class ParameterMemory {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterMemory.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The format this version writes; files with a higher number are not read. */
    static final int FORMAT_VERSION = 1;

    /** How many statements are remembered; the least recently remembered go first. */
    public static final int MAX_STATEMENTS = 500;

    /** Longer statements or values are not remembered. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private final Path file;
    private final int maxStatements;
    private final Clock clock;

    /** Least recently remembered first. */
    private final LinkedHashMap<String, Map<String, RememberedValue>> statements = new LinkedHashMap<>();

    private boolean loaded;
    private String problem;
    /** Set when an unreadable file could not be moved aside: saving would destroy it. */
    private boolean unreadableFileInPlace;
    /** The format version of a file written by a newer pgdesk, which this version never writes; 0 otherwise. */
    private int newerVersion;

    public ParameterMemory(Path file) {
        this(file, MAX_STATEMENTS, Clock.systemDefaultZone());
    }

    /** @param clock dates the names of files moved aside */
    ParameterMemory(Path file, int maxStatements, Clock clock) {
        this.file = Objects.requireNonNull(file, "The parameter memory needs a file");
        if (maxStatements < 1) {
            throw new IllegalArgumentException("Remember at least one statement, not " + maxStatements);
        }
        this.maxStatements = maxStatements;
        this.clock = clock;
    }

    /**
     * The key a statement is remembered under: its text trimmed, with each run of whitespace as one space.
     */
    public static String key(String statementText) {
        Objects.requireNonNull(statementText, "Which statement?");
        return WHITESPACE.matcher(statementText.strip()).replaceAll(" ");
    }

    /** The values last remembered for the statement, by parameter label ({@code $1}, {@code :name}). */
    public synchronized Optional<Map<String, RememberedValue>> recall(String statementText) {
        ensureLoaded();
        return Optional.ofNullable(statements.get(key(statementText)));
    }

    /**
     * Remembers the values for the statement, replacing what was remembered for it, and saves the file. The
     * values are remembered for this session even when saving fails.
     *
     * @param values by parameter label; an empty map forgets nothing and saves nothing
     */
    public synchronized void remember(String statementText, Map<String, RememberedValue> values) throws IOException {
        Objects.requireNonNull(values, "No values to remember");
        String key = key(statementText);
        if (values.isEmpty() || key.isEmpty() || key.length() > MAX_TEXT_LENGTH) {
            return;
        }
        Map<String, RememberedValue> kept = new LinkedHashMap<>();
        values.forEach((label, value) -> {
            Objects.requireNonNull(label, "A parameter label is missing");
            Objects.requireNonNull(value, "The value of " + label + " is missing");
            if (value.value() == null || value.value().length() <= MAX_TEXT_LENGTH) {
                kept.put(label, value);
            }
        });
        ensureLoaded();
        statements.remove(key);
        statements.put(key, Map.copyOf(kept));
        trim();
        save();
    }

    /** What went wrong reading the file, in words for the user. */
    public synchronized Optional<String> problem() {
        ensureLoaded();
        return Optional.ofNullable(problem);
    }

    private void trim() {
        Iterator<String> oldestFirst = statements.keySet().iterator();
        while (statements.size() > maxStatements && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private void save() throws IOException {
        if (newerVersion > 0 && Files.exists(file)) {
            throw new IOException("The remembered parameter values in " + file + " were written by a newer version"
                    + " of pgdesk (format version " + newerVersion + "), so this version does not change the file;"
                    + " values are remembered for this session only.");
        }
        if (unreadableFileInPlace && Files.exists(file)) {
            throw new IOException("The remembered parameter values in " + file + " could not be read and could"
                    + " not be moved aside, so pgdesk does not overwrite them: move or delete the file.");
        }
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson()), true);
    }

    private ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = root.putArray("statements");
        statements.forEach((statement, values) -> {
            ObjectNode item = array.addObject();
            item.put("statement", statement);
            ObjectNode byLabel = item.putObject("values");
            values.forEach((label, value) -> {
                ObjectNode node = byLabel.putObject(label);
                node.put("value", value.value());
                node.put("isNull", value.isNull());
                node.put("typeOverride", value.typeOverride());
            });
        });
        return root;
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            problem = "The remembered parameter values in " + file + " could not be read (" + e.getMessage()
                    + "); values are remembered for this session only.";
            unreadableFileInPlace = true;
            LOG.warn(problem);
            return;
        }
        try {
            readStatements(MAPPER.readTree(bytes));
            if (newerVersion > 0) {
                problem = "The remembered parameter values in " + file + " were written by a newer version of pgdesk"
                        + " (format version " + newerVersion + "; this version reads " + FORMAT_VERSION + "). They"
                        + " are used as far as this version understands them, the file is left as it is, and new"
                        + " values are remembered for this session only.";
                LOG.warn(problem);
            }
        } catch (JsonProcessingException e) {
            setAside("is not valid JSON");
        } catch (IOException e) {
            setAside("could not be read (" + e.getMessage() + ")");
        } catch (BadFileException e) {
            setAside(e.getMessage());
        }
    }

    private void readStatements(JsonNode root) throws BadFileException {
        if (root == null || !root.isObject()) {
            throw new BadFileException("is not a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            throw new BadFileException("has no valid formatVersion");
        }
        JsonNode array = root.get("statements");
        if (version.intValue() > FORMAT_VERSION) {
            // The newer version owns the file: never moved aside or written, read only where it can be.
            newerVersion = version.intValue();
            if (array == null || !array.isArray()) {
                return;
            }
        }
        if (array == null || !array.isArray()) {
            throw new BadFileException("has no list of statements");
        }
        List<String> skipped = new ArrayList<>();
        for (JsonNode item : array) {
            try {
                JsonNode statement = item.get("statement");
                JsonNode values = item.get("values");
                if (statement == null || !statement.isTextual() || values == null || !values.isObject()) {
                    throw new IllegalArgumentException("an entry has no statement or no values");
                }
                Map<String, RememberedValue> byLabel = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> value : values.properties()) {
                    byLabel.put(value.getKey(), value(value.getValue()));
                }
                String key = key(statement.textValue());
                statements.remove(key);
                statements.put(key, Map.copyOf(byLabel));
            } catch (IllegalArgumentException | NullPointerException e) {
                skipped.add(String.valueOf(e.getMessage()));
            }
        }
        if (!skipped.isEmpty()) {
            // One damaged entry costs its values only; the next save drops it.
            LOG.warn("Skipped {} unreadable entries in {}: {}", skipped.size(), file, skipped.get(0));
        }
        trim();
    }

    private static RememberedValue value(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a value is not a JSON object");
        }
        JsonNode value = node.get("value");
        JsonNode isNull = node.get("isNull");
        JsonNode type = node.get("typeOverride");
        return new RememberedValue(
                value == null || value.isNull() ? null : value.asText(),
                isNull != null && isNull.asBoolean(),
                type == null || type.isNull() ? null : type.asText());
    }

    private void setAside(String what) {
        try {
            Path aside = SetAside.corruptFile(file, clock);
            problem = "The remembered parameter values in " + file + " " + what + ". The file was moved to " + aside
                    + " so that nothing is lost; values are remembered afresh from now on.";
        } catch (IOException e) {
            unreadableFileInPlace = true;
            problem = "The remembered parameter values in " + file + " " + what + ", and the file could not be"
                    + " moved aside (" + e.getMessage() + "); values are remembered for this session only.";
        }
        statements.clear();
        LOG.warn(problem);
    }

    private static final class BadFileException extends Exception {
        BadFileException(String message) {
            super(message);
        }
    }
}
