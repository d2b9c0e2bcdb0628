package dev.pgdesk.cli;

import java.io.PrintStream;

/**
 * A command's lines on stderr, each starting with the name the user typed ({@code pgdesk run:} when
 * {@code run} runs a saved query through {@code query}), so that a scheduler's log names the right command.
 */
record CommandMessages(String command, PrintStream err) {

    /** {@code pgdesk <command>: message}; returns {@code status}. */
    int error(int status, String message) {
        err.println(prefix() + message);
        return status;
    }

    /** The problem and where the usage is; returns {@link ExitCodes#BAD_ARGUMENTS}. */
    int usageError(String message) {
        err.println(prefix() + message);
        err.println("Run 'pgdesk " + command + " --help' for usage.");
        return ExitCodes.BAD_ARGUMENTS;
    }

    void warning(String message) {
        err.println(prefix() + "warning: " + message);
    }

    /** A line of information, such as where an output file was written. */
    void info(String message) {
        err.println(prefix() + message);
    }

    /**
     * {@code message} ending as a sentence, so that another sentence can follow it ("... not both. Nothing was
     * run."): a full stop is added unless it ends with one (or with '?' or '!').
     */
    static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.isEmpty() || text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    private String prefix() {
        return "pgdesk " + command + ": ";
    }
}
