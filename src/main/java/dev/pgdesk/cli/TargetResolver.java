package dev.pgdesk.cli;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.config.Redaction;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.SettingsResolver;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.localdb.SampleDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves the target argument of a command (URI, key=value string, saved profile name or the built-in
 * Sample database) to connection settings, and knows whom to ask for a password the settings lack. Saved
 * profiles are read only when the target names one; a problem with the profiles file is passed to the
 * command's warnings. A saved profile named like the sample wins over the sample, with a warning.
 *
 * <p>A command that resolves a target calls {@link #release()} when it ends: a sample server started for
 * it is stopped then.
 */
final class TargetResolver {
    /** How long a command waits for the keyring before going on without it. */
    static final Duration KEYRING_PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** How a JDBC URL starts; libpq (and pgdesk) take the rest of it, without the prefix. */
    private static final String JDBC_PREFIX = "jdbc:";

    private final Function<Consumer<String>, Supplier<List<ConnectionProfile>>> profiles;
    private final PgEnvironment env;
    private final PasswordLookup passwords;
    private final PasswordPrompt prompt;
    private final SampleTarget sample;

    /**
     * The targets as {@code pgdesk} resolves them: the user's saved profiles, the sample database, the process
     * environment and the keyring (given {@link #KEYRING_PROBE_TIMEOUT} to answer); asks on a terminal.
     */
    static TargetResolver forCurrentUser() {
        return new TargetResolver(
                        new ProfileStore(AppDirectories.forCurrentUser().profilesFile()),
                        PgEnvironment.system(),
                        PasswordService.lazyKeyringLookup(KEYRING_PROBE_TIMEOUT))
                .withPrompt(PasswordPrompt.terminal())
                .withSample(SampleTarget.forCurrentUser());
    }

    TargetResolver(ProfileStore store, PgEnvironment env, PasswordLookup passwords) {
        this(warnings -> new SavedProfiles(store, warnings), env, passwords, PasswordPrompt.NEVER, SampleTarget.NONE);
    }

    /** A fixed set of saved profiles (tests); no sample database. */
    TargetResolver(Supplier<List<ConnectionProfile>> profiles, PgEnvironment env, PasswordLookup passwords) {
        this(warnings -> profiles, env, passwords, PasswordPrompt.NEVER, SampleTarget.NONE);
    }

    private TargetResolver(
            Function<Consumer<String>, Supplier<List<ConnectionProfile>>> profiles,
            PgEnvironment env,
            PasswordLookup passwords,
            PasswordPrompt prompt,
            SampleTarget sample) {
        this.profiles = profiles;
        this.env = env;
        this.passwords = passwords;
        this.prompt = prompt;
        this.sample = sample;
    }

    /** The same resolver, asking {@code prompt} when the server demands a password no source gave. */
    TargetResolver withPrompt(PasswordPrompt prompt) {
        return new TargetResolver(profiles, env, passwords, prompt, sample);
    }

    /** The same resolver, with {@code sample} as the target named {@value SampleDatabase#NAME}. */
    TargetResolver withSample(SampleTarget sample) {
        return new TargetResolver(profiles, env, passwords, prompt, sample);
    }

    /** The same resolver, with the sample server whose files are in {@code directory} (tests use their own). */
    TargetResolver withSample(Supplier<Path> directory) {
        return withSample(new SampleTarget(directory));
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
     * Resolves a target that is not the sample database (or where starting it needs no progress report).
     *
     * @see #resolve(String, Consumer, Consumer)
     */
    ResolvedSettings resolve(String target, Consumer<String> warnings) throws ConnInfoException {
        return resolve(target, warnings, line -> {});
    }

    /**
     * @param warnings receives each line of a problem with the profiles file
     * @param progress hears how a sample server started for the command is coming along
     * @throws ConnInfoException when the target is malformed, names no saved profile, or is the sample and
     *     it cannot be opened; the message is one line for the user
     */
    ResolvedSettings resolve(String target, Consumer<String> warnings, Consumer<String> progress)
            throws ConnInfoException {
        try {
            return resolveTarget(target, warnings, progress);
        } catch (ConnInfoException e) {
            // A mistyped URI is taken for a profile name, and a message may quote any part of the target.
            throw new ConnInfoException(Redaction.redact(e.getMessage(), target));
        }
    }

    private ResolvedSettings resolveTarget(String target, Consumer<String> warnings, Consumer<String> progress)
            throws ConnInfoException {
        if (target.strip().regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            String libpq = target.strip().substring(JDBC_PREFIX.length());
            throw new ConnInfoException("\"" + target.strip() + "\" is a JDBC URL; pgdesk takes libpq's connection"
                    + " strings: drop the \"jdbc:\" prefix (\"" + libpq + "\"), and give the user and password as"
                    + " libpq does (postgresql://user@host/db, the password from PGPASSWORD or ~/.pgpass).");
        }
        Supplier<List<ConnectionProfile>> saved = profiles.apply(warnings);
        if (!SettingsResolver.isConnectionString(target) && SampleTarget.names(target)) {
            Optional<ConnectionProfile> shadowing = SampleTarget.shadowing(saved.get());
            if (shadowing.isEmpty()) {
                return sample.open(progress);
            }
            warnings.accept("'" + shadowing.get().name() + "' is one of your saved profiles, so it is used rather"
                    + " than the built-in " + SampleDatabase.NAME + " (rename the profile to reach the sample)");
        }
        return new SettingsResolver(saved, env, passwords).resolve(target);
    }

    /**
     * The saved profile {@code name} names, as a target names it: the exact name first, then the name in any
     * letter case (surrounding spaces ignored), so that {@code --profile prod} and the target {@code prod} agree.
     */
    static Optional<ConnectionProfile> profileNamed(String name, List<ConnectionProfile> profiles) {
        String wanted = name.strip();
        return profiles.stream()
                .filter(p -> p.name().equals(wanted))
                .findFirst()
                .or(() -> profiles.stream()
                        .filter(p -> p.name().strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                        .findFirst());
    }

    /** Ends what resolving started: stops a sample server started for this command. */
    void release() {
        sample.release();
    }
}
