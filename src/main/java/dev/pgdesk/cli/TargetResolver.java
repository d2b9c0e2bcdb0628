package dev.pgdesk.cli;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.SettingsResolver;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves the target argument of a command (URI, key=value string or saved profile name) to connection
 * settings, and knows whom to ask for a password the settings lack. Saved profiles are read only when the
 * target names one; a problem with the profiles file is passed to the command's warnings.
 */
final class TargetResolver {
    private final Function<Consumer<String>, Supplier<List<ConnectionProfile>>> profiles;
    private final PgEnvironment env;
    private final PasswordLookup passwords;
    private final PasswordPrompt prompt;

    /** The user's saved profiles and the process environment, as {@code pgdesk} runs; asks on a terminal. */
    static TargetResolver forCurrentUser(PasswordLookup passwords) {
        return new TargetResolver(
                        new ProfileStore(AppDirectories.forCurrentUser().profilesFile()),
                        PgEnvironment.system(),
                        passwords)
                .withPrompt(PasswordPrompt.terminal());
    }

    TargetResolver(ProfileStore store, PgEnvironment env, PasswordLookup passwords) {
        this(warnings -> new SavedProfiles(store, warnings), env, passwords, PasswordPrompt.NEVER);
    }

    /** A fixed set of saved profiles (tests). */
    TargetResolver(Supplier<List<ConnectionProfile>> profiles, PgEnvironment env, PasswordLookup passwords) {
        this(warnings -> profiles, env, passwords, PasswordPrompt.NEVER);
    }

    private TargetResolver(
            Function<Consumer<String>, Supplier<List<ConnectionProfile>>> profiles,
            PgEnvironment env,
            PasswordLookup passwords,
            PasswordPrompt prompt) {
        this.profiles = profiles;
        this.env = env;
        this.passwords = passwords;
        this.prompt = prompt;
    }

    /** The same resolver, asking {@code prompt} when the server demands a password no source gave. */
    TargetResolver withPrompt(PasswordPrompt prompt) {
        return new TargetResolver(profiles, env, passwords, prompt);
    }

    /**
     * Opens sessions on resolved targets; {@code noPassword} ({@code --no-password}) never asks, so that a
     * script fails at once rather than wait for input.
     */
    SessionOpener opener(boolean noPassword) {
        return new SessionOpener(prompt(noPassword));
    }

    /** Whom to ask for a password the server demands; nobody with {@code --no-password}. */
    PasswordPrompt prompt(boolean noPassword) {
        return noPassword ? PasswordPrompt.NEVER : prompt;
    }

    /**
     * @param warnings receives each line of a problem with the profiles file
     * @throws ConnInfoException when the target is malformed or names no saved profile; the message is
     *     one line for the user
     */
    ResolvedSettings resolve(String target, Consumer<String> warnings) throws ConnInfoException {
        return new SettingsResolver(profiles.apply(warnings), env, passwords).resolve(target);
    }
}
