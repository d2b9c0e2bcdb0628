package dev.pgdesk.config;

import java.nio.file.Path;

/**
 * Where pgdesk keeps its files, by each OS's convention: {@code $XDG_CONFIG_HOME/pgdesk} and {@code
 * $XDG_DATA_HOME/pgdesk} on Linux, {@code ~/Library/Application Support/pgdesk} on macOS, {@code
 * %APPDATA%\pgdesk} and {@code %LOCALAPPDATA%\pgdesk} on Windows. The system property {@code pgdesk.home}
 * puts both under one directory (tests use it).
 */
public record AppDirectories(Path configDir, Path dataDir) {

    public static AppDirectories forCurrentUser() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Path profilesFile() {
        return configDir.resolve("profiles.json");
    }
}
