package dev.pgdesk.sql;

/**
 * One token of SQL source text: its kind and its place in the text, as {@code [start, end)} character
 * offsets.
 *
 * @param kind what the token is
 * @param start offset of the first character
 * @param end offset just past the last character; always greater than {@code start}
 * @param terminated false for a string, quoted identifier, dollar-quoted string or block comment that
 *     runs to the end of the input without its closing delimiter
 */
public record Token(TokenKind kind, int start, int end, boolean terminated) {

    /** Validates the offsets. */
    public Token {
        if (kind == null) {
            throw new IllegalArgumentException("token kind is required");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "a token needs 0 <= start < end, but start is " + start + " and end is " + end);
        }
    }

    /** A complete token. */
    public Token(TokenKind kind, int start, int end) {
        this(kind, start, end, true);
    }

    /** The number of characters in the token. */
    public int length() {
        return end - start;
    }

    /** The token's text, cut from the source it was read from. */
    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }
}
