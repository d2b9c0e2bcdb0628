package dev.pgdesk.monitor;

/**
 * What came of cancelling or terminating a backend, in words for the user.
 *
 * @param outcome whether the signal was sent
 * @param message what happened, for example "Cancelled the query of pid 4242." or, when the privilege is
 *     missing, who may do it and which role to grant
 */
public record SignalResult(Outcome outcome, String message) {

    /** How a signal went. */
    public enum Outcome {
        /** The server sent the signal. */
        SENT,
        /** No such backend (any more). */
        GONE,
        /** The monitoring role may not signal that backend. */
        NOT_PERMITTED
    }

    /** Whether the signal was sent. */
    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
