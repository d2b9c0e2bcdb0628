package dev.pgdesk.localdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who uses the sample server: the pgdesk windows and commands of one user, each holding a file in
 * {@code <sample>/users} that names its process. Every change happens under an exclusive lock on
 * {@code <sample>/users.lock}, so that the last user to leave stops the server, and a server whose users all
 * died (a window that was killed) is taken over by the next one instead of running on for ever.
 */
final class SampleUsers {
    private static final Logger LOG = LoggerFactory.getLogger(SampleUsers.class);

    /** A JVM may not hold two locks on one file, so its own threads queue here before taking the file lock. */
    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final Path users;
    private final Path lockFile;

    SampleUsers(Path sampleDirectory) {
        this.users = sampleDirectory.resolve("users");
        this.lockFile = sampleDirectory.resolve("users.lock");
    }

    /** Work done while no other pgdesk process or thread changes the sample's users or its server. */
    interface Locked<T> {
        T run() throws LocalPostgresException;
    }

    /** Runs {@code work} holding the lock; waits while another process holds it (one starting the server). */
    <T> T whileLocked(Locked<T> work) throws LocalPostgresException {
        IN_THIS_PROCESS.lock();
        try {
            Files.createDirectories(users);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not lock the sample database's users in " + users + ": " + e.getMessage(), e);
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    /** Adds this process as a user (call under the lock); the entry is what {@link #leave} takes. */
    Path join() throws LocalPostgresException {
        ProcessHandle self = ProcessHandle.current();
        Path entry = users.resolve(self.pid() + "-" + UUID.randomUUID());
        try {
            Files.writeString(
                    entry,
                    self.pid() + " " + startOf(self).map(Instant::toString).orElse("-"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not record a user of the sample database in " + entry + ": " + e.getMessage(), e);
        }
        return entry;
    }

    /** Removes a user added by {@link #join} (call under the lock). */
    void leave(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            LOG.warn("Could not remove the sample database user {}: {}", entry, e.getMessage());
        }
    }

    /** Whether any user is still alive (call under the lock); entries of processes that ended are removed. */
    boolean anyAlive() {
        boolean alive = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(users)) {
            for (Path entry : entries) {
                if (isAlive(entry)) {
                    alive = true;
                } else {
                    LOG.info("Removing {}, a sample database user whose process has ended", entry.getFileName());
                    leave(entry);
                }
            }
        } catch (IOException e) {
            // Unreadable: count it as used, so that no one stops a server someone may still use.
            LOG.warn("Could not read the sample database's users in {}: {}", users, e.getMessage());
            return true;
        }
        return alive;
    }

    /** An entry is alive when its process runs and started when the entry says (a pid may be reused). */
    private static boolean isAlive(Path entry) {
        String[] fields;
        try {
            fields = Files.readString(entry, StandardCharsets.UTF_8).strip().split(" ");
        } catch (IOException e) {
            return true;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(fields[0])).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return false;
        }
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = startOf(process.get());
        return fields.length < 2
                || fields[1].equals("-")
                || started.isEmpty()
                || started.get().toString().equals(fields[1]);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
