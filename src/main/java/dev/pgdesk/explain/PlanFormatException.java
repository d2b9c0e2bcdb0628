package dev.pgdesk.explain;

/** EXPLAIN output that is not the JSON plan pgdesk expects; the message says what was wrong. */
public final class PlanFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PlanFormatException(String message) {
        super(message);
    }

    public PlanFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
