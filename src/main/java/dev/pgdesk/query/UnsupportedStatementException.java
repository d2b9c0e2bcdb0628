package dev.pgdesk.query;

/**
 * A statement pgdesk cannot run, found before anything of the run is sent: a psql backslash command (psql
 * itself interprets those, the server cannot) or a COPY that streams through the client.
 */
public final class UnsupportedStatementException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public UnsupportedStatementException(int line, String command) {
        super("Line " + line + ": " + firstWord(command) + " is a psql meta-command, which only psql understands; "
                + "pgdesk sends SQL only. Remove it (psql reads from the backslash to the end of the line) or write"
                + " it as SQL (for example a query on information_schema instead of \\d).");
        this.line = line;
    }

    /** A statement pgdesk refuses for another reason, explained in {@code message}. */
    public UnsupportedStatementException(String message, int line) {
        super(message);
        this.line = line;
    }

    private static String firstWord(String command) {
        String trimmed = command.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** The 1-based line of the meta-command in the script. */
    public int line() {
        return line;
    }
}
