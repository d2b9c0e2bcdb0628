package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a command's session on its target. Like psql, it asks for a password only after the server has
 * demanded one that no source (keyring, ~/.pgpass, PGPASSWORD, the target) supplied, and asks once.
 */
final class SessionOpener {
    /** The flag that forbids asking (psql's {@code -w}): a script then fails at once instead of waiting. */
    static final String NO_PASSWORD = "--no-password";

    /** pgjdbc's state for a connection it refuses to continue, such as one that needs an absent password. */
    private static final String CONNECTION_REJECTED = "08004";

    private final PasswordPrompt prompt;

    SessionOpener(PasswordPrompt prompt) {
        this.prompt = prompt;
    }

    /**
     * @throws SQLException the connection failed, after the one retry with a typed password if there was one
     */
    PooledSession open(PoolManager pools, ResolvedSettings settings) throws SQLException {
        ConnectionProfile profile = settings.profile();
        String password = settings.password().orElse(null);
        try {
            return pools.open(profile, Credentials.password(password));
        } catch (SQLException e) {
            if (password != null || !demandsPassword(e)) {
                throw e;
            }
            Optional<String> typed = prompt.ask(profile.displayTarget());
            if (typed.isEmpty()) {
                throw e;
            }
            return pools.open(profile, Credentials.password(typed.get()));
        }
    }

    /**
     * Whether the server asked for a password and the driver had none to send. pgjdbc reports this with the
     * state it also uses for a server that cannot encrypt, and words it in the JVM's language; the names SSL
     * and GSS, which no translation changes, tell the encryption refusals apart.
     */
    static boolean demandsPassword(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CONNECTION_REJECTED.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT);
                return !message.contains("SSL") && !message.contains("GSS");
            }
        }
        return false;
    }
}
