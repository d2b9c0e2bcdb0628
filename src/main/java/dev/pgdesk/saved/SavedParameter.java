package dev.pgdesk.saved;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of a saved query, named as the SQL writes it: {@code $1}, {@code $2}, ... for positions, or
 * the name of a {@code :name} parameter (stored without the colon).
 *
 * @param name {@code $N} or a name such as {@code day}; a leading colon is dropped
 * @param defaultValue the value used when none is given when running, or null when one must be given
 * @param typeHint what the value is, for people and forms (such as {@code date}); the server still decides
 *     the type, so this is never sent; null when there is none
 */
public record SavedParameter(String name, String defaultValue, String typeHint) {
    private static final Pattern POSITIONAL = Pattern.compile("\\$[1-9][0-9]{0,4}");
    private static final Pattern NAMED = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    public SavedParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "A parameter needs a name: $1, $2, ... for positions or the name of a :name parameter");
        }
        name = name.strip();
        if (name.startsWith(":")) {
            name = name.substring(1);
        }
        if (!POSITIONAL.matcher(name).matches() && !NAMED.matcher(name).matches()) {
            throw new IllegalArgumentException("The parameter name '" + name
                    + "' is neither a position ($1, $2, ...) nor a name as written after ':' in the SQL"
                    + " (a letter or _, then letters, digits, _ or $)");
        }
        if (typeHint != null && typeHint.isBlank()) {
            typeHint = null;
        }
    }

    /** A parameter that must be given a value when the query runs. */
    public static SavedParameter required(String name) {
        return new SavedParameter(name, null, null);
    }

    /** A parameter with a default value. */
    public static SavedParameter withDefault(String name, String defaultValue) {
        return new SavedParameter(name, defaultValue, null);
    }

    public boolean isPositional() {
        return name.startsWith("$");
    }

    /** The number of a {@code $N} parameter; only for positional ones. */
    public int number() {
        if (!isPositional()) {
            throw new IllegalStateException(":" + name + " has no number");
        }
        return Integer.parseInt(name.substring(1));
    }

    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    /** The parameter as the SQL writes it: {@code $1} or {@code :day}. */
    public String label() {
        return isPositional() ? name : ":" + name;
    }
}
