package dev.pgdesk.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a command-line target (URI, key=value string, or saved profile name) like libpq would. A
 * connection string is completed from the PG* environment and libpq's defaults; a saved profile is used
 * as saved. The password comes from the first of: the argument, {@code PGPASSWORD}, the saved profile's
 * own storage (keyring), the password file.
 */
public final class SettingsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsResolver.class);

    private final Supplier<List<ConnectionProfile>> profiles;
    private final PgEnvironment env;
    private final PasswordLookup passwords;

    /**
     * @param passwords looks up a saved profile's password in its own storage (keyring); may answer empty
     */
    public SettingsResolver(List<ConnectionProfile> profiles, PgEnvironment env, PasswordLookup passwords) {
        this(() -> profiles, env, passwords);
    }

    /**
     * @param profiles loads the saved profiles; called only when the target names one, so that a connection
     *     string never touches the profile store
     */
    public SettingsResolver(Supplier<List<ConnectionProfile>> profiles, PgEnvironment env, PasswordLookup passwords) {
        this.profiles = profiles;
        this.env = env;
        this.passwords = passwords;
    }

    /** True when {@code target} is a connection string (URI or key=value) rather than a profile name. */
    public static boolean isConnectionString(String target) {
        return target.isBlank() || ConnInfoParser.isUri(target) || target.contains("=");
    }

    public ResolvedSettings resolve(String target) throws ConnInfoException {
        Map<String, SettingSource> sources = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        ConnectionProfile profile;
        Optional<String> password;
        boolean saved;
        if (isConnectionString(target)) {
            ProfileImport.Result result = ProfileImport.resolve(ConnInfoParser.parse(target), env);
            profile = result.imported().profile();
            sources.putAll(result.sources());
            notes.addAll(result.imported().ignored());
            password = result.imported().password();
            saved = false;
        } else {
            profile = findProfile(target);
            for (String keyword : ResolvedSettings.KEYWORDS) {
                sources.put(keyword, SettingSource.PROFILE);
            }
            password = Optional.empty();
            saved = true;
        }
        SettingSource passwordSource = SettingSource.ARGUMENT;
        if (password.isEmpty()) {
            password = env.get("PGPASSWORD");
            passwordSource = SettingSource.ENVIRONMENT;
        }
        if (password.isEmpty() && saved) {
            password = storedPassword(profile, notes);
            passwordSource = SettingSource.KEYRING;
        }
        if (password.isEmpty()) {
            password = PgPassFile.locate(env).find(profile.host(), profile.port(), profile.database(), profile.user());
            passwordSource = SettingSource.PGPASS;
        }
        sources.put("password", password.isPresent() ? passwordSource : SettingSource.NONE);
        return new ResolvedSettings(profile, password, sources, notes);
    }

    private Optional<String> storedPassword(ConnectionProfile profile, List<String> notes) {
        try {
            return passwords.find(profile);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the stored password of {}: {}", profile.name(), e.toString());
            notes.add("password: the stored password could not be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private ConnectionProfile findProfile(String name) throws ConnInfoException {
        List<ConnectionProfile> saved = profiles.get();
        String wanted = name.trim();
        Optional<ConnectionProfile> exact =
                saved.stream().filter(p -> p.name().equals(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        String folded = wanted.toLowerCase(Locale.ROOT);
        Optional<ConnectionProfile> match = saved.stream()
                .filter(p -> p.name().trim().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst();
        if (match.isPresent()) {
            return match.get();
        }
        if (saved.isEmpty()) {
            throw new ConnInfoException("no saved profile named \"" + wanted + "\" (no profiles are saved yet;"
                    + " pass a postgresql:// URI or a key=value string instead)");
        }
        String names = saved.stream()
                .map(ConnectionProfile::name)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
        throw new ConnInfoException("no saved profile named \"" + wanted + "\" (saved profiles: " + names + ")");
    }
}
