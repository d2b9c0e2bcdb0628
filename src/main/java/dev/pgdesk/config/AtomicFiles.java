package dev.pgdesk.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes files so that a crash leaves either the old content or the new, never half of either. */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    /**
     * Writes to a temporary file beside {@code target}, flushes it to disk, then renames it over. Missing
     * parent directories are created. With {@code ownerOnly} on a POSIX file system the file is readable
     * and writable by its owner only, from before the first byte is written.
     */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        // Replacing a symbolic link would turn it into a plain file; write where it points instead.
        Path destination = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = destination.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, destination.getFileName().toString(), ownerOnly && isPosix(dir));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, destination);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    private static Path createTemp(Path dir, String name, boolean ownerOnly) throws IOException {
        FileAttribute<?>[] attributes = ownerOnly
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        OpenOption[] options = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(temp, Set.of(options), attributes).close();
                if (ownerOnly) {
                    // The creation mode is filtered by the umask; make sure it is exactly 0600.
                    Files.setPosixFilePermissions(temp, OWNER_ONLY);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path temp, Path destination) throws IOException {
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("Atomic rename not supported for {}; replacing instead", destination);
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes the directory entry of the rename too, where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        if (!isPosix(dir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Could not flush directory {}: {}", dir, e.toString());
        }
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
