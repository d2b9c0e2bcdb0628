package dev.pgdesk.monitor;

/** A monitoring action that cannot be done, with a message in plain words that says why and what to do. */
public final class MonitorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what cannot be done, why, and what to do about it, for people to read */
    public MonitorException(String message) {
        super(message);
    }
}
