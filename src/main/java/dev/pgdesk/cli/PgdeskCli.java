package dev.pgdesk.cli;

import dev.pgdesk.config.Logging;
import dev.pgdesk.config.Redaction;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** The {@code pgdesk} command line: subcommands over the same core as the GUI, without JavaFX. */
public final class PgdeskCli {

    private final List<CliCommand> commands = List.of(
            new ConninfoCommand(),
            new TestConnectionCommand(),
            new QueryCommand(),
            new RunCommand(),
            new SavedCommand(),
            new ActivityCommand(),
            new SlowQueriesCommand(),
            new DdlCommand(),
            new ExplainCommand(),
            new BenchCommand());

    public static void main(String[] args) {
        Logging.install();
        // Not System.out: its print stream drops the reason a write failed (a closed pipe, a full disk).
        StandardOutput out = StandardOutput.open();
        int status = new PgdeskCli().run(List.of(args), out, System.err);
        out.flush();
        System.exit(status);
    }

    /** Runs {@code args} with the process's standard input; returns the exit status. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs {@code args} with {@code in} as standard input (for {@code pgdesk query}); returns the exit status. */
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        int status = dispatch(args, in, out, err);
        // A command that wrote its output into a full disk or a closed pipe did not succeed.
        return StandardOutput.finish(args.isEmpty() ? "" : args.get(0), status, out, err);
    }

    private int dispatch(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(overview());
            return args.isEmpty() ? ExitCodes.BAD_ARGUMENTS : ExitCodes.OK;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("-V")) {
            out.println("pgdesk " + version());
            return ExitCodes.OK;
        }
        Optional<CliCommand> command =
                commands.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
        if (command.isEmpty()) {
            err.println("pgdesk: unknown command '" + args.get(0) + "'. Run 'pgdesk --help' for the list.");
            return ExitCodes.BAD_ARGUMENTS;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.get().usage());
            return ExitCodes.OK;
        }
        try {
            // Some commands read the profiles file more than once (run, then the query it runs).
            return SavedProfiles.reportingEachProblemOnce(() -> command.get().run(rest, in, out, err));
        } catch (Exception e) {
            err.println(
                    "pgdesk " + command.get().name() + ": " + Redaction.redact(String.valueOf(e.getMessage()), args));
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The application's version from the jar manifest; a build from {@code target/classes} has no manifest, so it
     * says so instead of guessing.
     */
    static String version() {
        String version = PgdeskCli.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** The names of the commands, in the order the overview lists them. */
    List<String> commandNames() {
        return commands.stream().map(CliCommand::name).toList();
    }

    private String overview() {
        StringBuilder text = new StringBuilder("Usage: pgdesk <command> [options]\n\nCommands:\n");
        for (CliCommand command : commands) {
            text.append(String.format("  %-16s %s%n", command.name(), command.summary()));
        }
        text.append("""

                Passwords come from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass, and on a
                terminal pgdesk asks when the server wants one; none is needed on the command line.

                Exit status: 0 success, 1 other failure, 2 bad arguments (nothing was run),
                3 connection failed, 4 SQL error, 5 not available on the server (slow-queries).

                Run 'pgdesk <command> --help' for the options of a command, 'pgdesk --version' for the version.
                """);
        return text.toString();
    }
}
