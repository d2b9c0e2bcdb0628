package dev.pgdesk.query;

import java.util.Objects;

/**
 * A value ready to bind. {@link ParameterValues#convert} produces the text exactly as the user typed it, with
 * the type it is sent as, so that the server's input function for that type reads it; callers inside pgdesk
 * may also bind a Java value ({@link Integer}, {@link java.math.BigDecimal}, ...) that pgjdbc sends itself.
 * {@code null} is SQL NULL. {@code label} is how the user wrote the parameter ({@code $1}, {@code :id}), or
 * {@code null} when pgdesk made the value up itself; it lets a server refusal name the parameter.
 */
public record ParameterValue(String typeName, Object value, String label) {
    public ParameterValue {
        Objects.requireNonNull(typeName, "typeName");
    }

    /** A value pgdesk binds itself, with no parameter of the user's behind it. */
    public ParameterValue(String typeName, Object value) {
        this(typeName, value, null);
    }

    /** SQL NULL, typed so the server can still infer the parameter's type from the statement. */
    public static ParameterValue nullOf(String typeName) {
        return new ParameterValue(typeName, null);
    }

    public boolean isNull() {
        return value == null;
    }
}
