package dev.pgdesk.config;

import java.io.IOException;
import java.nio.file.Path;

/** Writes files so that a crash leaves either the old content or the new, never half of either. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes to a temporary file beside {@code target}, flushes it to disk, then renames it over. */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
