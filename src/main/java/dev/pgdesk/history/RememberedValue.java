package dev.pgdesk.history;

/**
 * A parameter value as the user last entered it.
 *
 * @param value the text typed; null only together with {@code isNull}
 * @param isNull whether SQL NULL was chosen (the typed text, if any, is kept so unticking NULL restores it)
 * @param typeOverride a type the user chose instead of the inferred one, such as {@code int8}, or null
 */
public record RememberedValue(String value, boolean isNull, String typeOverride) {
    public RememberedValue {
        if (value == null && !isNull) {
            throw new IllegalArgumentException("A remembered value is text, or SQL NULL with isNull set");
        }
        if (typeOverride != null && typeOverride.isBlank()) {
            typeOverride = null;
        }
    }

    /** A value typed as text, with the inferred type. */
    public static RememberedValue of(String value) {
        return new RememberedValue(value, false, null);
    }

    /** SQL NULL, with the inferred type. */
    public static RememberedValue sqlNull() {
        return new RememberedValue(null, true, null);
    }
}
