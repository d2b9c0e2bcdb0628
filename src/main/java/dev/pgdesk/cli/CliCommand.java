package dev.pgdesk.cli;

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
}
