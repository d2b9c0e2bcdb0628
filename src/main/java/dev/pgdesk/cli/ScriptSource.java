package dev.pgdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code pgdesk query} takes its SQL from: {@code --sql TEXT}, {@code --file FILE} ({@code -} for
 * standard input), or standard input when neither is given. Files and standard input are read as UTF-8;
 * anything else is refused rather than guessed.
 *
 * @param text the script
 * @param name how messages name the source: {@code --sql}, the file name, or {@code standard input}
 */
record ScriptSource(String text, String name) {
    static final String STDIN = "standard input";

    /**
     * @param stdinIsTerminal true when standard input is an interactive terminal: reading it then would
     *     wait for typing, so the user is told how to pass SQL instead
     * @throws CliUsageException no source, two sources, or a file that cannot be read as UTF-8 text
     */
    static ScriptSource read(
            Optional<String> sql, Optional<String> file, InputStream stdin, boolean stdinIsTerminal, String target)
            throws CliUsageException {
        if (sql.isPresent() && file.isPresent()) {
            throw new CliUsageException("give the SQL one way only: --sql TEXT or --file FILE, not both");
        }
        if (sql.isPresent()) {
            return new ScriptSource(sql.get(), "--sql");
        }
        if (file.isPresent() && !file.get().equals("-")) {
            return new ScriptSource(readFile(Path.of(file.get())), file.get());
        }
        if (file.isEmpty() && stdinIsTerminal) {
            throw new CliUsageException("no SQL given: pass --sql 'SELECT ...', --file script.sql, or pipe it in: "
                    + "pgdesk query " + target + " < script.sql");
        }
        try {
            return new ScriptSource(decode(stdin.readAllBytes(), STDIN), STDIN);
        } catch (IOException e) {
            throw new CliUsageException("could not read standard input: " + e.getMessage());
        }
    }

    private static String readFile(Path file) throws CliUsageException {
        try {
            if (Files.isDirectory(file)) {
                throw new CliUsageException("--file " + file + " is a directory; give the SQL file inside it");
            }
            return decode(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new CliUsageException("--file " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliUsageException("--file " + file + ": permission denied");
        } catch (IOException e) {
            throw new CliUsageException("--file " + file + " could not be read: " + e.getMessage());
        }
    }

    /** Strict UTF-8, without a leading byte-order mark (some Windows editors write one). */
    private static String decode(byte[] bytes, String name) throws CliUsageException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CliUsageException(
                    name + " is not UTF-8 text; convert it first (for example with iconv -t UTF-8)");
        }
    }
}
