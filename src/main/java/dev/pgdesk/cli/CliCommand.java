package dev.pgdesk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One {@code pgdesk} subcommand. */
interface CliCommand {

    /** The word after {@code pgdesk}, for example {@code conninfo}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text. */
    String usage();

    /** Runs the command; returns the process exit status. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /** Runs the command with {@code in} as its standard input; only commands that read it override this. */
    default int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        return run(args, out, err);
    }
}
