package dev.pgdesk.workspace;

import dev.pgdesk.config.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code .sql} files as UTF-8 text. Reading refuses, with a message that names the file
 * and says what to do, files that are not UTF-8 text and files too big for the editor.
 */
public final class SqlFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SqlFiles.class);

    /** The largest file the editor opens: beyond this the editor itself becomes unusably slow. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private SqlFiles() {}

    /** The file's text, without a leading byte order mark; line endings are kept as they are. */
    public static String read(Path file) throws IOException {
        Objects.requireNonNull(file, "Which file?");
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist.", e);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not an SQL file.");
        }
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + megabytes(size) + "; pgdesk opens SQL files of up to "
                    + megabytes(MAX_BYTES) + ". Run it with psql -f, or split it into smaller files.");
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new IOException(file + " is UTF-16 text; pgdesk reads UTF-8. Save it as UTF-8 in your text"
                    + " editor (or convert it with iconv -f UTF-16 -t UTF-8), then open it again.");
        }
        String text;
        try {
            text = decoder()
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(
                    file + " is not UTF-8 text (" + firstBadByte(bytes, start)
                            + "). If it is SQL in another encoding such as Windows-1252 or Latin-1, convert it to UTF-8"
                            + " (for example iconv -f LATIN1 -t UTF-8) and open it again.",
                    e);
        }
        if (text.indexOf('\0') >= 0) {
            throw new IOException(file + " contains NUL characters, so it is probably not a text file."
                    + " Open a .sql file with SQL text instead.");
        }
        return text;
    }

    /**
     * Replaces the file's content with {@code text} in UTF-8, atomically: a crash leaves the old content or
     * the new, never half. An existing file keeps its permissions; a new one gets the usual ones.
     */
    public static void write(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "Which file?");
        Objects.requireNonNull(text, "No text to write");
        Set<PosixFilePermission> permissions = permissionsOf(file);
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), false);
        if (permissions != null) {
            try {
                Files.setPosixFilePermissions(file, permissions);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("Could not restore the permissions of {}: {}", file, e.toString());
            }
        }
    }

    private static Set<PosixFilePermission> permissionsOf(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || !Files.exists(file)) {
            return null;
        }
        try {
            return view.readAttributes().permissions();
        } catch (IOException e) {
            return null;
        }
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where decoding fails, so the user can find the offending character. */
    private static String firstBadByte(byte[] bytes, int start) {
        CharsetDecoder decoder = decoder();
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            int offset = input.position();
            return String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset);
        }
        return "it ends in the middle of a character";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
