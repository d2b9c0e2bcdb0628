package dev.pgdesk.sql;

/**
 * One distinct parameter of a statement: {@code $n} or {@code :name}. Equal parameters are the same
 * value: {@code $2} written twice is one parameter bound twice.
 *
 * @param style {@link ParameterStyle#POSITIONAL} or {@link ParameterStyle#NAMED}
 * @param number the {@code n} of {@code $n} (1 or more); 0 for a named parameter
 * @param name the name of {@code :name} without the colon, as written; empty for a positional parameter
 */
public record Parameter(ParameterStyle style, int number, String name) {
    /** PostgreSQL's limit on the parameters of one statement. */
    public static final int MAX_NUMBER = 65_535;

    /** Validates that the fields fit the style. */
    public Parameter {
        if (style == ParameterStyle.POSITIONAL) {
            if (number < 1 || number > MAX_NUMBER) {
                throw new IllegalArgumentException("$" + number
                        + " is not a valid parameter: positional parameters run from $1 to $" + MAX_NUMBER);
            }
            if (name == null || !name.isEmpty()) {
                throw new IllegalArgumentException("a positional parameter has no name");
            }
        } else if (style == ParameterStyle.NAMED) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a named parameter needs a name, as in :status");
            }
            if (number != 0) {
                throw new IllegalArgumentException("a named parameter has no number");
            }
        } else {
            throw new IllegalArgumentException("a parameter is either positional ($1) or named (:name), not " + style);
        }
    }

    /** {@code $n}. */
    public static Parameter positional(int number) {
        return new Parameter(ParameterStyle.POSITIONAL, number, "");
    }

    /** {@code :name}; {@code name} without the colon. */
    public static Parameter named(String name) {
        return new Parameter(ParameterStyle.NAMED, 0, name);
    }

    /** The parameter as written in SQL: {@code $1} or {@code :status}. */
    public String label() {
        return style == ParameterStyle.POSITIONAL ? "$" + number : ":" + name;
    }

    @Override
    public String toString() {
        return label();
    }
}
