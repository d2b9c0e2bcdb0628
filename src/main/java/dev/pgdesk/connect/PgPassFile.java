package dev.pgdesk.connect;

import dev.pgdesk.config.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libpq password file ({@code ~/.pgpass}, {@code PGPASSFILE}, or {@code %APPDATA%\postgresql\pgpass.conf}).
 * Lines are {@code hostname:port:database:username:password}; a field of just {@code *} matches anything,
 * {@code \:} and {@code \\} escape, lines starting with {@code #} are comments, and the first matching
 * line wins. On POSIX systems a file that group or others can access is ignored, as libpq ignores it.
 */
public final class PgPassFile {
    private static final Logger LOG = LoggerFactory.getLogger(PgPassFile.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;

    public PgPassFile(Path path) {
        this.path = path;
    }

    /** The password file libpq would read in {@code env}. */
    public static PgPassFile locate(PgEnvironment env) {
        return locate(env, System.getProperty("os.name", ""));
    }

    static PgPassFile locate(PgEnvironment env, String osName) {
        Optional<String> explicit = env.get("PGPASSFILE");
        if (explicit.isPresent()) {
            return new PgPassFile(Path.of(explicit.get()));
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            Path appData = env.get("APPDATA")
                    .map(Path::of)
                    .orElse(env.home().resolve("AppData").resolve("Roaming"));
            return new PgPassFile(appData.resolve("postgresql").resolve("pgpass.conf"));
        }
        return new PgPassFile(env.home().resolve(".pgpass"));
    }

    public Path path() {
        return path;
    }

    /** The password of the first matching line, by libpq's matching rules ({@code *} wildcards, escapes). */
    public Optional<String> find(String host, int port, String database, String user) {
        List<String> lines = readLinesIfUsable();
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String line : lines) {
            Optional<String> password = match(line, wanted);
            if (password.isPresent()) {
                return password;
            }
        }
        return Optional.empty();
    }

    /**
     * Adds or replaces the exact entry for this host/port/database/user; the file is written 0600, atomically.
     * The entry is placed so that it is the first line matching these settings (otherwise an earlier
     * wildcard line would shadow it); every other line, comments included, is kept as it was.
     */
    public void store(String host, int port, String database, String user, String password) throws IOException {
        List<String> lines = new ArrayList<>(readAllLines());
        String[] key = {host, Integer.toString(port), database, user};
        String entry = String.join(
                ":", escape(host), Integer.toString(port), escape(database), escape(user), escape(password));
        int exact = -1;
        int firstMatch = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (exact < 0 && isExactEntry(line, key)) {
                exact = i;
            }
            if (firstMatch < 0 && match(line, key).isPresent()) {
                firstMatch = i;
            }
        }
        if (exact >= 0 && exact == firstMatch) {
            lines.set(exact, entry);
        } else {
            if (exact >= 0) {
                lines.remove(exact);
            }
            if (firstMatch >= 0) {
                lines.add(firstMatch, entry);
            } else {
                lines.add(entry);
            }
        }
        StringBuilder content = new StringBuilder();
        for (String line : lines) {
            content.append(line).append('\n');
        }
        AtomicFiles.write(path, content.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    private List<String> readLinesIfUsable() {
        if (!Files.exists(path)) {
            return List.of();
        }
        if (!Files.isRegularFile(path)) {
            LOG.warn("password file \"{}\" is not a plain file; it is ignored", path);
            return List.of();
        }
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    LOG.warn(
                            "password file \"{}\" has group or world access; permissions should be u=rw (0600)"
                                    + " or less. It is ignored, as libpq ignores it; fix it with: chmod 0600 {}",
                            path,
                            path);
                    return List.of();
                }
            } catch (IOException e) {
                LOG.warn("Could not read the permissions of password file \"{}\": {}", path, e.toString());
                return List.of();
            }
        }
        try {
            return readAllLines();
        } catch (IOException e) {
            LOG.warn("Could not read password file \"{}\": {}", path, e.toString());
            return List.of();
        }
    }

    private List<String> readAllLines() throws IOException {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            return lines;
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The password of {@code line} if its four key fields match {@code wanted}, libpq style. */
    private static Optional<String> match(String line, String[] wanted) {
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        int position = 0;
        for (String token : wanted) {
            position = matchField(line, position, token);
            if (position < 0) {
                return Optional.empty();
            }
        }
        // The password runs to the first unescaped ':' or the end of the line.
        StringBuilder password = new StringBuilder();
        for (int i = position; i < line.length() && line.charAt(i) != ':'; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
            }
            password.append(c);
        }
        return Optional.of(password.toString());
    }

    /** Position after the field at {@code start} and its ':' if it matches {@code token}; -1 otherwise. */
    private static int matchField(String line, int start, String token) {
        if (line.startsWith("*:", start)) {
            return start + 2;
        }
        int i = start;
        int t = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean escaped = false;
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
                escaped = true;
            }
            if (c == ':' && !escaped) {
                return t == token.length() ? i + 1 : -1;
            }
            if (t >= token.length() || token.charAt(t) != c) {
                return -1;
            }
            i++;
            t++;
        }
        return -1;
    }

    /** True when the line's four key fields are literally these values (wildcards are not expanded). */
    private static boolean isExactEntry(String line, String[] key) {
        if (line.isEmpty() || line.startsWith("#")) {
            return false;
        }
        List<String> fields = splitFields(line);
        if (fields.size() < 5) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (!fields.get(i).equals(key[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }
}
