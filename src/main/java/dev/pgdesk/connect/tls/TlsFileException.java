package dev.pgdesk.connect.tls;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A certificate or key file that cannot be used: missing, unreadable, not in a supported format, or
 * encrypted with a password that is missing or wrong. The message names the file and says what to do.
 */
public final class TlsFileException extends IOException {
    private final transient Path file;
    private final boolean passwordRequired;

    public TlsFileException(Path file, String message) {
        this(file, message, null, false);
    }

    public TlsFileException(Path file, String message, Throwable cause) {
        this(file, message, cause, false);
    }

    private TlsFileException(Path file, String message, Throwable cause, boolean passwordRequired) {
        super(message, cause);
        this.file = file;
        this.passwordRequired = passwordRequired;
    }

    /** The key in {@code file} is encrypted and no password was given for it. */
    static TlsFileException passwordRequired(Path file, String message) {
        return new TlsFileException(file, message, null, true);
    }

    /** True when the file is fine but encrypted, and its password was not given. */
    public boolean passwordRequired() {
        return passwordRequired;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
