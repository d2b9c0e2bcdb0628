package dev.pgdesk.connect;

import java.util.Map;
import java.util.Optional;

/**
 * Connection settings resolved from a command-line argument (URI, key=value string or profile name),
 * the profile store, the environment and the password file, with the source of each setting. Keys of
 * {@code sources} are libpq keywords: host, port, dbname, user, sslmode, sslrootcert, sslcert, sslkey,
 * connect_timeout, application_name, password.
 */
public record ResolvedSettings(
        ConnectionProfile profile, Optional<String> password, Map<String, SettingSource> sources) {

    public ResolvedSettings {
        sources = Map.copyOf(sources);
    }
}
