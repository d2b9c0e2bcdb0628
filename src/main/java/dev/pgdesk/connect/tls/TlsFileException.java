package dev.pgdesk.connect.tls;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A certificate or key file that cannot be used: missing, unreadable, not in a supported format, or
 * encrypted with a password that is missing or wrong. The message names the file and says what to do.
 */
public final class TlsFileException extends IOException {
    private final transient Path file;

    public TlsFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public TlsFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
