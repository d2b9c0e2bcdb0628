package dev.pgdesk.sql;

/** Thrown when a statement's parameters cannot be bound as written; the message says what to change. */
public final class InvalidParametersException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public InvalidParametersException(String message) {
        super(message);
    }
}
