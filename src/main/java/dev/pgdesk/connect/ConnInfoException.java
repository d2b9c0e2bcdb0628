package dev.pgdesk.connect;

/** A connection URI or key=value string that libpq would reject; the message says why, in one line. */
public final class ConnInfoException extends Exception {
    public ConnInfoException(String reason) {
        super(reason);
    }
}
