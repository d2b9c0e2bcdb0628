package dev.pgdesk.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cluster's {@code postmaster.pid} says about the server that wrote it: its process id (line 1)
 * and port (line 4). The file outlives a crashed server, so {@link #isAlive()} checks the process too.
 */
record PostmasterPid(long pid, int port) {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterPid.class);
    static final String FILE = "postmaster.pid";

    /** The pid file of {@code cluster}; empty when there is none or it is not (yet) complete. */
    static Optional<PostmasterPid> read(Path cluster) {
        Path file = cluster.resolve(FILE);
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("Unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The pid and port from the lines of a pid file; empty when they are missing or not numbers. */
    static Optional<PostmasterPid> parse(List<String> lines) {
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (pid <= 0 || port < 1 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPid(pid, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when a process with this id is alive and, as far as the system tells, runs {@code postgres}: after
     * a crash the id may have been reused by another program. Connect to be sure it is the server.
     */
    boolean isAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info()
                        .command()
                        .map(command ->
                                Path.of(command).getFileName().toString().startsWith("postgres"))
                        .orElse(true))
                .orElse(false);
    }
}
