package dev.pgdesk.cli;

/** The command line of a subcommand is wrong; the message says what, in one line. */
final class CliUsageException extends Exception {
    CliUsageException(String message) {
        super(message);
    }
}
