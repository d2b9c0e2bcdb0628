package dev.pgdesk.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the launcher needs to know about the machine: the OS, the CPU and whether we run as root. */
final class Platform {
    private static final String OS_NAME = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    private static final String ARCH = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    private static volatile Boolean root;

    private Platform() {}

    static boolean isWindows() {
        return OS_NAME.startsWith("windows");
    }

    static boolean isMac() {
        return OS_NAME.startsWith("mac") || OS_NAME.startsWith("darwin");
    }

    /** The OS part of zonky's resource name: linux, darwin or windows. */
    static String zonkyOs() {
        if (isWindows()) {
            return "windows";
        }
        return isMac() ? "darwin" : "linux";
    }

    /** True for x86-64 machines; false for 64-bit ARM (the only other CPU we ship binaries for). */
    static boolean isX86() {
        return ARCH.equals("amd64") || ARCH.equals("x86_64") || ARCH.equals("x64");
    }

    /** The file name of a program: {@code .exe} on Windows. */
    static String executable(String name) {
        return isWindows() ? name + ".exe" : name;
    }

    /** True when the effective user is root, which PostgreSQL refuses to run as. */
    static boolean isRoot() {
        Boolean known = root;
        if (known == null) {
            known = !isWindows() && effectiveUid() == 0;
            root = known;
        }
        return known;
    }

    private static long effectiveUid() {
        Path self = Path.of("/proc/self");
        try {
            if (Files.isDirectory(self)) {
                // /proc/self belongs to the process's effective user.
                return ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through to id -u
        }
        try {
            Process id =
                    new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the user name
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
}
