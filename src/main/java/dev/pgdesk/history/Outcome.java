package dev.pgdesk.history;

/** How an executed statement ended. */
public enum Outcome {
    /** The server ran it. */
    SUCCESS,
    /** The server (or the connection) reported an error. */
    ERROR,
    /** The user cancelled it, or its timeout did. */
    CANCELLED
}
