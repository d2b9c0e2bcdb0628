package dev.pgdesk.localdb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operating-system account the server runs as. Normally that is simply the current user. PostgreSQL
 * refuses to run as root, so as root every server command is run as {@code nobody} (through {@code
 * setpriv}, or {@code runuser} where setpriv is missing), and the files the server touches are handed to
 * {@code nobody} first.
 */
final class ServerAccount {
    static final String UNPRIVILEGED_USER = "nobody";
    static final String UNPRIVILEGED_GROUP = "nogroup";

    static final String NO_DROP_TOOL = "PostgreSQL refuses to run as root, and neither setpriv nor runuser is"
            + " available to drop to an unprivileged user. Run pgdesk as a normal user.";

    private final List<String> prefix;
    private final boolean dropsPrivileges;

    private ServerAccount(List<String> prefix, boolean dropsPrivileges) {
        this.prefix = List.copyOf(prefix);
        this.dropsPrivileges = dropsPrivileges;
    }

    /** The account for this process: the current user, or {@code nobody} when we are root. */
    static ServerAccount current() throws LocalPostgresException {
        if (!Platform.isRoot()) {
            return new ServerAccount(List.of(), false);
        }
        Path setpriv = findOnPath("setpriv");
        if (setpriv != null) {
            return new ServerAccount(
                    List.of(
                            setpriv.toString(),
                            "--reuid=" + UNPRIVILEGED_USER,
                            "--regid=" + unprivilegedGroup(),
                            "--clear-groups"),
                    true);
        }
        Path runuser = findOnPath("runuser");
        if (runuser != null) {
            return new ServerAccount(List.of(runuser.toString(), "-u", UNPRIVILEGED_USER, "--"), true);
        }
        throw new LocalPostgresException(NO_DROP_TOOL);
    }

    /** True when server commands run as {@code nobody} rather than as the current user. */
    boolean dropsPrivileges() {
        return dropsPrivileges;
    }

    /** The command line that runs {@code command} as this account. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a file or directory to this account (a no-op unless we drop privileges). */
    void takeOwnership(Path path) throws IOException {
        if (!dropsPrivileges) {
            return;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(unprivilegedGroup());
        view.setOwner(user);
        view.setGroup(group);
    }

    /** Hands a whole tree to this account. */
    void takeOwnershipOfTree(Path root) throws IOException {
        if (!dropsPrivileges) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                takeOwnership(path);
            }
        }
    }

    /**
     * Fails unless this account can reach {@code directory}: as {@code nobody} every ancestor must be
     * searchable by others (so not under /root, which is 0700).
     */
    void checkReachable(Path directory) throws LocalPostgresException {
        if (!dropsPrivileges) {
            return;
        }
        for (Path dir = directory.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new LocalPostgresException("PostgreSQL runs as user '" + UNPRIVILEGED_USER
                            + "' because pgdesk runs as root, but '" + UNPRIVILEGED_USER + "' cannot enter " + dir
                            + " (permissions " + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                            + "). Put the data directory somewhere every user can reach, such as under "
                            + System.getProperty("java.io.tmpdir") + " or /var/tmp.");
                }
            } catch (IOException e) {
                // A missing ancestor is created later by us; its own mode is then ours to choose.
            }
        }
    }

    private static String unprivilegedGroup() {
        // Debian names nobody's group "nogroup"; Red Hat and macOS call it "nobody".
        try {
            Path groups = Path.of("/etc/group");
            if (Files.isReadable(groups)) {
                boolean hasNogroup = Files.readAllLines(groups).stream().anyMatch(l -> l.startsWith("nogroup:"));
                return hasNogroup ? UNPRIVILEGED_GROUP : UNPRIVILEGED_USER;
            }
        } catch (IOException e) {
            // assume Debian
        }
        return UNPRIVILEGED_GROUP;
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>();
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
