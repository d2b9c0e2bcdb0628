package dev.pgdesk.sql;

/**
 * Two matching brackets, {@code (} and {@code )} or {@code [} and {@code ]}, found by {@link BracketMatcher}.
 *
 * @param open offset of the opening bracket
 * @param close offset of the closing bracket; after {@code open}
 */
public record BracketPair(int open, int close) {

    /** Validates the offsets. */
    public BracketPair {
        if (open < 0 || close <= open) {
            throw new IllegalArgumentException(
                    "a bracket pair needs 0 <= open < close, but open is " + open + " and close is " + close);
        }
    }
}
