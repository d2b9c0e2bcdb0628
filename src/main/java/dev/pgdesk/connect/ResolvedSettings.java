package dev.pgdesk.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connection settings resolved from a command-line argument (URI, key=value string or profile name),
 * the profile store, the environment and the password file, with the source of each setting. Keys of
 * {@code sources} are libpq keywords: host, port, dbname, user, sslmode, sslrootcert, sslcert, sslkey,
 * connect_timeout, application_name, options, password.
 *
 * @param notes what was not taken over from the argument or the environment, each with a short reason
 *     (for example {@code options: server options are not supported yet, ignored})
 */
public record ResolvedSettings(
        ConnectionProfile profile, Optional<String> password, Map<String, SettingSource> sources, List<String> notes) {

    /** The keywords {@link #sources()} has an entry for, in the order pgdesk shows them. */
    public static final List<String> KEYWORDS = List.of(
            "host",
            "port",
            "dbname",
            "user",
            "sslmode",
            "sslrootcert",
            "sslcert",
            "sslkey",
            "connect_timeout",
            "application_name",
            "options",
            "password");

    public ResolvedSettings {
        sources = Map.copyOf(sources);
        notes = List.copyOf(notes);
    }

    public ResolvedSettings(ConnectionProfile profile, Optional<String> password, Map<String, SettingSource> sources) {
        this(profile, password, sources, List.of());
    }

    /** Where {@code keyword} came from; {@link SettingSource#NONE} when it has no entry. */
    public SettingSource source(String keyword) {
        return sources.getOrDefault(keyword, SettingSource.NONE);
    }

    /** True when the settings are those of a saved profile. */
    public boolean fromSavedProfile() {
        return source("host") == SettingSource.PROFILE;
    }

    @Override
    public String toString() {
        // Never let a password reach a log line through toString().
        return "ResolvedSettings[profile=" + profile + ", password=" + (password.isPresent() ? "(set)" : "(none)")
                + ", sources=" + sources + ", notes=" + notes + "]";
    }
}
