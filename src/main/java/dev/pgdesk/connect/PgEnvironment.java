package dev.pgdesk.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code PG*} environment variables and the home directory, as libpq reads them; tests pass their
 * own map instead of the process environment.
 */
public record PgEnvironment(Map<String, String> variables, Path home) {

    public PgEnvironment {
        variables = Map.copyOf(variables);
    }

    public static PgEnvironment system() {
        return new PgEnvironment(
                System.getenv(), home(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name")));
    }

    /**
     * The home directory as libpq finds it: {@code $HOME} when set and not empty, else the account's home
     * directory (Java's {@code user.home}, which comes from the password database, not from {@code $HOME}). On
     * Windows libpq goes by {@code APPDATA} instead (see {@link PgPassFile}), so there {@code user.home} stays.
     */
    static Path home(Map<String, String> variables, String userHome, String osName) {
        String home = variables.get("HOME");
        boolean windows =
                osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return !windows && home != null && !home.isEmpty() ? Path.of(home) : Path.of(userHome);
    }

    /** The value of a variable such as {@code PGHOST}, if set and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }
}
