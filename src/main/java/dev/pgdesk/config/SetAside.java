package dev.pgdesk.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Moves a file pgdesk cannot read out of the way, to {@code <name>.corrupt-<yyyyMMdd-HHmmss>} beside it, so
 * that nothing is lost and a fresh file can be used. An existing file is never replaced: the first free
 * name wins.
 */
public final class SetAside {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SetAside() {}

    /** @return where the file now is */
    public static Path corruptFile(Path file, Clock clock) throws IOException {
        String base =
                file.getFileName() + ".corrupt-" + LocalDateTime.now(clock).format(STAMP);
        for (int attempt = 1; ; attempt++) {
            Path candidate = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            try {
                // Without REPLACE_EXISTING the move fails rather than overwrite an earlier copy.
                Files.move(file, candidate);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
