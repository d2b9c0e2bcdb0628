package dev.pgdesk.localdb;

/** A local PostgreSQL server could not be set up, started or stopped; the message says why in plain words. */
public final class LocalPostgresException extends Exception {
    public LocalPostgresException(String message) {
        super(message);
    }

    public LocalPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
