package dev.pgdesk.query;

/**
 * A psql backslash command in what the user asked to run: psql itself interprets those, the server cannot,
 * so nothing of the run is sent.
 */
public final class UnsupportedStatementException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public UnsupportedStatementException(int line, String command) {
        super("Line " + line + ": " + firstWord(command) + " is a psql meta-command, which only psql understands; "
                + "pgdesk sends SQL only. Remove the line or write it as SQL (for example a query on "
                + "information_schema instead of \\d).");
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
