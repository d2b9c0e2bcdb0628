package dev.pgdesk.connect;

import java.util.List;

/** Resolves a command-line target (URI, key=value string, or saved profile name) like libpq would. */
public final class SettingsResolver {
    private final List<ConnectionProfile> profiles;
    private final PgEnvironment env;
    private final PasswordLookup passwords;

    /**
     * @param passwords looks up a saved profile's password in its own storage (keyring); may answer empty
     */
    public SettingsResolver(List<ConnectionProfile> profiles, PgEnvironment env, PasswordLookup passwords) {
        this.profiles = profiles;
        this.env = env;
        this.passwords = passwords;
    }

    public ResolvedSettings resolve(String target) throws ConnInfoException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
