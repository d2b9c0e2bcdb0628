package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.ResolvedSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code pgdesk conninfo}: shows the settings a target resolves to and where each came from, without
 * connecting. Never prints the password, only whether one was found and where.
 */
final class ConninfoCommand implements CliCommand {

    private final TargetResolver targets;

    /**
     * The command as {@code pgdesk} runs it: the user's saved profiles and the process environment; the
     * sample database only while it runs, as this command never starts a server.
     */
    ConninfoCommand() {
        this(TargetResolver.forCurrentUser()
                .withSample(SampleTarget.forCurrentUser().runningOnly()));
    }

    /** Reads profiles from {@code store}, reporting a problem with the file as a warning. */
    ConninfoCommand(ProfileStore store, PgEnvironment env, PasswordLookup passwords) {
        this(new TargetResolver(store, env, passwords));
    }

    /** Uses a fixed set of saved profiles (tests). */
    ConninfoCommand(Supplier<List<ConnectionProfile>> profiles, PgEnvironment env, PasswordLookup passwords) {
        this(new TargetResolver(profiles, env, passwords));
    }

    ConninfoCommand(TargetResolver targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "conninfo";
    }

    @Override
    public String summary() {
        return "Show the settings a connection target resolves to, without connecting";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk conninfo <target> [--json]

                Shows the connection settings <target> resolves to and where each one comes from
                (argument, profile, environment or default), and whether a password was found and
                where (argument, environment, keyring or password file). Settings pgdesk does not
                use are listed with the reason, and so are settings that cannot work (a missing
                certificate file, verify-full without a root certificate, ...). Does not connect,
                and never prints the password.

                <target> is one of:
                  a connection URI      postgresql://user@db.example.com:5432/sales?sslmode=verify-full
                  a key=value string    "host=db.example.com dbname=sales user=alice"
                  a saved profile name  Production   (case-insensitive)
                  the sample database   "Sample database"   (only while it runs)

                Settings missing from a URI or key=value string come from the PG* environment
                variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE, ...) and then libpq's
                defaults, as psql would use them.

                Options:
                  --json   print a JSON object instead of a table
                  --help   show this help

                Exit status: 0 when the target resolves, 2 when the command line or the target is wrong.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return runOnTarget(args, out, err);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(List<String> args, PrintStream out, PrintStream err) {
        Optional<TargetInvocation> invocation = TargetInvocation.parse(name(), args, targets, false, err);
        if (invocation.isEmpty()) {
            return ExitCodes.BAD_ARGUMENTS;
        }
        ResolvedSettings settings = invocation.get().settings();
        if (invocation.get().json()) {
            JsonOutput.print(out, ResolvedSettingsView.toJson(settings));
        } else {
            ResolvedSettingsView.printTable(settings, out);
        }
        return ExitCodes.OK;
    }
}
