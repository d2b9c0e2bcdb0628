package dev.pgdesk.query;

/** A parameter value that does not fit its type; the message names the parameter and the type. */
public final class ParameterValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParameterValueException(String message) {
        super(message);
    }
}
