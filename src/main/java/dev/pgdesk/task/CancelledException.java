package dev.pgdesk.task;

/** Thrown by a background task that stopped because it was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled");
    }
}
