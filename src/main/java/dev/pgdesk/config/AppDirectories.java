package dev.pgdesk.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where pgdesk keeps its files, by each OS's convention: {@code $XDG_CONFIG_HOME/pgdesk} and {@code
 * $XDG_DATA_HOME/pgdesk} on Linux, {@code ~/Library/Application Support/pgdesk} on macOS, {@code
 * %APPDATA%\pgdesk} and {@code %LOCALAPPDATA%\pgdesk} on Windows. The system property {@code pgdesk.home}
 * puts both under one directory (tests use it): {@code <pgdesk.home>/config} and {@code <pgdesk.home>/data}.
 */
public record AppDirectories(Path configDir, Path dataDir) {

    /** The system property that puts every pgdesk file under one directory. */
    public static final String HOME_PROPERTY = "pgdesk.home";

    private static final String APP = "pgdesk";

    public static AppDirectories forCurrentUser() {
        return resolve(
                System.getProperty(HOME_PROPERTY),
                System.getProperty("os.name", ""),
                System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The directories for an explicit platform, environment and home directory.
     *
     * @param pgdeskHome the value of {@code pgdesk.home}, or null
     * @param osName the value of {@code os.name}
     */
    static AppDirectories resolve(String pgdeskHome, String osName, Map<String, String> env, Path home) {
        if (pgdeskHome != null && !pgdeskHome.isBlank()) {
            Path root = Path.of(pgdeskHome).toAbsolutePath();
            return new AppDirectories(root.resolve("config"), root.resolve("data"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming =
                    absoluteDir(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local =
                    absoluteDir(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve(APP), local.resolve(APP));
        }
        if (os.startsWith("mac")) {
            Path support =
                    home.resolve("Library").resolve("Application Support").resolve(APP);
            return new AppDirectories(support, support);
        }
        Path config = absoluteDir(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = absoluteDir(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new AppDirectories(config.resolve(APP), data.resolve(APP));
    }

    /** The directory named by an environment variable; the XDG spec says to ignore relative paths. */
    private static Path absoluteDir(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    public Path profilesFile() {
        return configDir.resolve("profiles.json");
    }

    /** The saved queries (docs/saved-queries-format.md), beside the profiles they may belong to. */
    public Path savedQueriesFile() {
        return configDir.resolve("saved-queries.json");
    }

    /** One JSON file per open editor tab, so the tabs come back after a restart or a crash. */
    public Path workspaceDir() {
        return dataDir.resolve("workspace");
    }

    /** Every executed statement, one JSON object per line. */
    public Path historyFile() {
        return dataDir.resolve("history.jsonl");
    }

    /** The parameter values last used with each statement. */
    public Path parameterMemoryFile() {
        return dataDir.resolve("parameter-values.json");
    }
}
