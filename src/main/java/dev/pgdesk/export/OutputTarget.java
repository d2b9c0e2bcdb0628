package dev.pgdesk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file an export writes, checked before anything runs and then written as a careful user expects:
 *
 * <ul>
 *   <li>a regular file (new or existing) is written to a temporary file in its own directory and moved into
 *       place only when complete, so a failed run leaves the previous file untouched; an existing file keeps
 *       its permissions (and, where the process may set them, its owner and group), a new one gets the mode
 *       the user's umask gives new files;
 *   <li>a symbolic link is written through: the file it points to is replaced atomically in that file's
 *       directory, and the link stays a link;
 *   <li>a character device, FIFO or socket ({@code /dev/stdout}, {@code /dev/null}, a named pipe) is written
 *       directly, with nothing temporary and nothing moved, and so is anything named under {@code /dev} or
 *       {@code /proc} ({@code /dev/stdout} when the shell redirected it to a file);
 *   <li>a directory, a missing directory, a read-only file or a directory where no file can be created is
 *       refused by {@link #check} with an {@link IOException} whose message names the target as given.
 * </ul>
 *
 * <p>Read-only is judged by the mode bits as the user sees them, not only by {@code access(2)}: the
 * superuser may write anything, but a file nobody may write ({@code chmod a-w}) is refused for it too, as
 * it is for its owner, so that running as root does not silently replace a file someone protected.
 */
public final class OutputTarget {
    private static final Logger LOG = LoggerFactory.getLogger(OutputTarget.class);
    /** As the kernel allows; a longer chain of links is a loop. */
    private static final int MAX_LINKS = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path given;
    private final Path file;
    private final boolean direct;

    private OutputTarget(Path given, Path file, boolean direct) {
        this.given = given;
        this.file = file;
        this.direct = direct;
    }

    /**
     * Checks that {@code target} can be written and works out where the bytes go; creates and removes a
     * probe file in the directory, so a permission problem or a read-only file system shows here, before
     * any query runs.
     *
     * @throws FileException the target cannot be written; the message names it and says why
     * @throws IOException reading the file system failed otherwise
     */
    public static OutputTarget check(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        BasicFileAttributes attributes = attributes(absolute);
        if (attributes != null && attributes.isDirectory()) {
            throw refused(target, "it is a directory; give a file name");
        }
        if (attributes != null && (attributes.isOther() || isProcessDescriptor(absolute))) {
            // A device, FIFO or socket: opened for writing as it is.
            if (!Files.isWritable(absolute)) {
                throw refused(target, "permission denied");
            }
            return new OutputTarget(target, absolute, true);
        }
        Path file = attributes != null ? absolute.toRealPath() : linkedPath(target, absolute);
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw refused(target, "the directory " + (directory == null ? "/" : directory) + " does not exist");
        }
        if (attributes != null && !writable(file)) {
            throw refused(
                    target,
                    "the file is read-only" + (file.equals(absolute) ? "" : " (" + file + ", where the link points)")
                            + "; make it writable (chmod u+w) or choose another name");
        }
        if (!writable(directory)) {
            throw refused(target, "no file can be created in the directory " + directory + " (permission denied)");
        }
        OutputTarget checked = new OutputTarget(target, file, false);
        Path probe = checked.create();
        try {
            Files.delete(probe);
        } catch (IOException e) {
            LOG.warn("Could not delete the probe file {}", probe, e);
        }
        return checked;
    }

    /** The target as given. */
    public Path target() {
        return given;
    }

    /** The file that receives the bytes: the target, or the file its symbolic links lead to. */
    public Path file() {
        return file;
    }

    /** Whether the target is written in place (a device, FIFO or socket) rather than replaced atomically. */
    public boolean isDirect() {
        return direct;
    }

    /**
     * Starts writing: a temporary file beside {@link #file()}, or the device itself. Close the result in any
     * case; only {@link Writing#commit()} puts a file in place.
     */
    public Writing open() throws IOException {
        if (direct) {
            try {
                boolean regular = Files.isRegularFile(file);
                return new Writing(
                        regular
                                ? Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                                : Files.newOutputStream(file, StandardOpenOption.WRITE),
                        null);
            } catch (IOException e) {
                throw failed(e);
            }
        }
        Path temp = create();
        try {
            keepAttributes(temp);
            return new Writing(Files.newOutputStream(temp, StandardOpenOption.WRITE), temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failed(e);
        }
    }

    /** An export in progress; closing it without {@link #commit()} removes what was written. */
    public final class Writing implements AutoCloseable {
        private final OutputStream stream;
        private final Path temp;
        private boolean streamClosed;
        private boolean committed;

        private Writing(OutputStream stream, Path temp) {
            this.stream = stream;
            this.temp = temp;
        }

        /** Where the bytes go; write errors name the target, not the temporary file. */
        public OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    try {
                        stream.write(b);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    try {
                        stream.write(bytes, offset, length);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }

                @Override
                public void flush() throws IOException {
                    try {
                        stream.flush();
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }
            };
        }

        /** Finishes the file and moves it into place (for a device: closes it). */
        public void commit() throws IOException {
            try {
                closeStream();
                if (temp != null) {
                    move(temp, file);
                }
            } catch (IOException e) {
                throw failed(e);
            }
            committed = true;
        }

        @Override
        public void close() {
            try {
                closeStream();
            } catch (IOException e) {
                LOG.debug("Closing the unfinished output for {} failed", given, e);
            }
            if (!committed && temp != null) {
                deleteQuietly(temp);
            }
        }

        private void closeStream() throws IOException {
            if (!streamClosed) {
                streamClosed = true;
                stream.close();
            }
        }
    }

    /**
     * A temporary file in the target file's directory, created with the mode a new file gets (0666 less the
     * umask), named after the target so a user who finds one knows what it was.
     */
    private Path create() throws IOException {
        Path directory = file.getParent();
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            Path temp = directory.resolve(
                    "." + file.getFileName() + "." + HexFormat.of().formatHex(random) + ".part");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw refused(given, "no file can be created in the directory " + directory + " (" + reason(e) + ")");
            }
        }
    }

    /** An existing file's permissions (and owner and group, where allowed) carry over to its replacement. */
    private void keepAttributes(Path temp) throws IOException {
        PosixFileAttributes old;
        try {
            old = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // a new file: the umask decided its mode
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system
        }
        Files.setPosixFilePermissions(temp, old.permissions());
        PosixFileAttributes now = Files.readAttributes(temp, PosixFileAttributes.class);
        try {
            if (!now.group().equals(old.group())) {
                Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class)
                        .setGroup(old.group());
            }
            if (!now.owner().equals(old.owner())) {
                Files.setOwner(temp, old.owner());
            }
        } catch (IOException e) {
            // Only the superuser may give a file away; the file is then the writer's, as with any new file.
            LOG.debug("Could not keep the owner or group of {}", file, e);
        }
        // Setting the owner may clear set-id bits; the permissions are set again for that.
        Files.setPosixFilePermissions(temp, old.permissions());
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the unfinished export {}", temp, e);
        }
    }

    /** The attributes of the file a path finally names (following links); null when nothing is there. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new FileException("cannot write " + path + ": permission denied", e);
        }
    }

    /**
     * {@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}, ...: names of a descriptor the process
     * already has open. When that is a regular file (the shell's {@code > file}), replacing it by a rename
     * would leave the shell's descriptor on the old file and lose what the shell wrote there; such names are
     * written in place, appended to where the descriptor's file ends.
     */
    private static boolean isProcessDescriptor(Path absolute) {
        return absolute.startsWith("/dev") || absolute.startsWith("/proc");
    }

    /**
     * Where a path that names no existing file would be created: itself, or, for a symbolic link to a file
     * not there yet, where the link points.
     */
    private static Path linkedPath(Path given, Path absolute) throws IOException {
        Path path = absolute;
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) {
                throw refused(given, "its symbolic links form a loop");
            }
            Path parent = path.getParent();
            path = parent.resolve(Files.readSymbolicLink(path)).normalize();
        }
        return path;
    }

    /**
     * Whether the user may write {@code path} as its mode bits say: the owner needs the owner's write bit;
     * the superuser (who may write anything) at least one write bit; anyone else what {@code access(2)} says.
     */
    static boolean writable(Path path) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return Files.isWritable(path);
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        String user = System.getProperty("user.name");
        if (attributes.owner().getName().equals(user)) {
            return mode.contains(PosixFilePermission.OWNER_WRITE) && Files.isWritable(path);
        }
        if ("root".equals(user)) {
            return mode.contains(PosixFilePermission.OWNER_WRITE)
                    || mode.contains(PosixFilePermission.GROUP_WRITE)
                    || mode.contains(PosixFilePermission.OTHERS_WRITE);
        }
        return Files.isWritable(path);
    }

    /** The target cannot be written; the message names the target as given and says why, for the user. */
    public static final class FileException extends IOException {
        private static final long serialVersionUID = 1L;

        FileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FileException failed(IOException e) {
        return e instanceof FileException known
                ? known
                : new FileException("could not write " + given + ": " + reason(e), e);
    }

    private static FileException refused(Path target, String why) {
        return new FileException("cannot write " + target + ": " + why, null);
    }

    /** The operating system's reason without the (temporary) file name a FileSystemException carries. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
