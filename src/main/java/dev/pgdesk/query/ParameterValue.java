package dev.pgdesk.query;

import java.util.Objects;

/**
 * A value ready to bind, as produced by {@link ParameterValues#convert}: a Java value of the class that
 * matches {@code typeName}, or {@code null} for SQL NULL.
 */
public record ParameterValue(String typeName, Object value) {
    public ParameterValue {
        Objects.requireNonNull(typeName, "typeName");
    }

    /** SQL NULL, typed so the server can still infer the parameter's type from the statement. */
    public static ParameterValue nullOf(String typeName) {
        return new ParameterValue(typeName, null);
    }

    public boolean isNull() {
        return value == null;
    }
}
