package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ResolvedSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a command that takes one connection target and {@code --json} (and {@code
 * --no-password} when it connects): parsed, with the target resolved. Usage errors and malformed targets
 * are reported on stderr in one line each.
 */
record TargetInvocation(boolean json, boolean noPassword, ResolvedSettings settings) {
    static final String JSON = "--json";
    private static final String TARGET = "target (a postgresql:// URI, a key=value string or a saved profile name)";

    /**
     * The invocation, or empty after telling the user what is wrong (exit with BAD_ARGUMENTS then).
     *
     * @param connects whether the command connects, and so takes {@code --no-password}
     */
    static Optional<TargetInvocation> parse(
            String command, List<String> args, TargetResolver targets, boolean connects, PrintStream err) {
        CliArguments arguments;
        String target;
        try {
            arguments = CliArguments.parse(
                    args, connects ? Set.of(JSON, SessionOpener.NO_PASSWORD) : Set.of(JSON), Set.of());
            target = arguments.singlePositional(TARGET);
        } catch (CliUsageException e) {
            err.println("pgdesk " + command + ": " + e.getMessage());
            err.println("Run 'pgdesk " + command + " --help' for usage.");
            return Optional.empty();
        }
        try {
            ResolvedSettings settings = targets.resolve(
                    target,
                    warning -> err.println("pgdesk " + command + ": warning: " + warning),
                    line -> err.println("pgdesk " + command + ": " + line));
            return Optional.of(
                    new TargetInvocation(arguments.has(JSON), arguments.has(SessionOpener.NO_PASSWORD), settings));
        } catch (ConnInfoException e) {
            err.println("pgdesk " + command + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
