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
        return new PgEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The value of a variable such as {@code PGHOST}, if set and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }
}
