package dev.pgdesk.cli;

/** Exit statuses of the {@code pgdesk} command, distinct so that schedulers can act on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something went wrong that has no more specific code. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: unknown command or option, malformed URI. */
    public static final int BAD_ARGUMENTS = 2;
    /** The server could not be reached or refused the connection. */
    public static final int CONNECTION_FAILED = 3;
    /** The server reported an SQL error. */
    public static final int SQL_ERROR = 4;
    /** The server lacks what the command reads (pg_stat_statements); the message says how to enable it. */
    public static final int NOT_AVAILABLE = 5;

    private ExitCodes() {}
}
