package dev.pgdesk.localdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks an xz-compressed tar into a directory exactly once. The tree is built in a temporary sibling
 * and renamed into place when complete, so a crash or a concurrent launch never leaves a half-unpacked
 * tree that a later launch would trust.
 */
final class TxzExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(TxzExtractor.class);
    private static final String COMPLETE_MARKER = ".pgdesk-complete";
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Opens the archive; called again if the archive must be read twice. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private TxzExtractor() {}

    /**
     * Makes {@code target} hold the unpacked archive, reusing an earlier complete unpacking.
     *
     * @param worldReadable give directories and programs mode 755 and other files 644, so another
     *     account (nobody, when we are root) can run the server from the tree
     */
    static void extractOnce(Source source, Path target, boolean worldReadable) throws IOException {
        if (isComplete(target)) {
            return;
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!ownedByUs(target)) {
                throw new IOException(target + " exists but belongs to another user; remove it and try again");
            }
            LOG.info("Removing incomplete PostgreSQL binaries in {}", target);
            FileTrees.deleteTree(target);
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, target.getFileName() + ".partial-");
        try {
            long started = System.nanoTime();
            unpack(source, partial, worldReadable);
            if (POSIX) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createFile(partial.resolve(COMPLETE_MARKER));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another launch finished first; its tree is complete too.
                if (!isComplete(target)) {
                    throw e;
                }
            }
            LOG.info(
                    "Unpacked PostgreSQL binaries into {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.deleteTree(partial);
            }
        }
    }

    private static boolean isComplete(Path target) throws IOException {
        return Files.isRegularFile(target.resolve(COMPLETE_MARKER)) && ownedByUs(target);
    }

    private static boolean ownedByUs(Path path) throws IOException {
        if (!POSIX) {
            return true;
        }
        String me = System.getProperty("user.name");
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(me);
    }

    private static void unpack(Source source, Path root, boolean worldReadable) throws IOException {
        List<TarArchiveEntry> links = new ArrayList<>();
        try (InputStream raw = source.open();
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    setMode(path, 0755, true, worldReadable);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    links.add(entry);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    setMode(path, entry.getMode(), false, worldReadable);
                }
            }
        }
        for (TarArchiveEntry link : links) {
            createLink(root, link);
        }
    }

    private static void createLink(Path root, TarArchiveEntry entry) throws IOException {
        Path path = inside(root, entry.getName());
        Files.createDirectories(path.getParent());
        if (entry.isLink()) {
            // A hard link names its target relative to the archive root.
            Files.copy(inside(root, entry.getLinkName()), path, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        Path linkTarget = Path.of(entry.getLinkName());
        Path resolved = path.getParent().resolve(linkTarget).normalize();
        if (linkTarget.isAbsolute() || !resolved.startsWith(root)) {
            throw new IOException("archive entry " + entry.getName() + " links outside the archive");
        }
        try {
            Files.createSymbolicLink(path, linkTarget);
        } catch (UnsupportedOperationException | IOException e) {
            // Windows without the symlink privilege: a copy works just as well for libraries.
            Files.copy(resolved, path, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry " + name + " points outside the archive");
        }
        return path;
    }

    private static void setMode(Path path, int mode, boolean directory, boolean worldReadable) throws IOException {
        if (!POSIX) {
            return;
        }
        boolean executable = directory || (mode & 0100) != 0;
        int effective;
        if (worldReadable) {
            effective = executable ? 0755 : 0644;
        } else {
            effective = (mode & 0777) | (executable ? 0700 : 0600);
        }
        Files.setPosixFilePermissions(path, toPermissions(effective));
    }

    private static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }
}
