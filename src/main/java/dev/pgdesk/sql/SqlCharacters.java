package dev.pgdesk.sql;

/** Character classes of PostgreSQL's lexer. Like the server, every non-ASCII character counts as a letter. */
final class SqlCharacters {
    private SqlCharacters() {}

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** After the first character a name may also hold digits and {@code $} ({@code a$1} is one name). */
    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    /** A dollar-quote tag is a name without {@code $}. */
    static boolean isDollarTagPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isOperatorChar(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }

    static boolean isPunctuation(char c) {
        return "()[],;.".indexOf(c) >= 0;
    }
}
