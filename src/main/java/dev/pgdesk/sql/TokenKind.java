package dev.pgdesk.sql;

/** What a {@link Token} of PostgreSQL source text is, as far as highlighting, splitting and parameters care. */
public enum TokenKind {
    /** Spaces, tabs and line breaks. */
    WHITESPACE,
    /** {@code -- ...} up to (not including) the end of the line. */
    LINE_COMMENT,
    /** {@code /* ... * /}, nesting as PostgreSQL does; an unterminated one runs to the end of the input. */
    BLOCK_COMMENT,
    /** A single-quoted string in any of its forms: plain, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}. */
    STRING,
    /** {@code $$...$$} or {@code $tag$...$tag$}. */
    DOLLAR_STRING,
    /** {@code "..."} or {@code U&"..."}. */
    QUOTED_IDENTIFIER,
    /** An unquoted name that is not a keyword, such as {@code users} or {@code a$1}. */
    IDENTIFIER,
    /** An unquoted name that PostgreSQL treats as a keyword, such as {@code SELECT}. */
    KEYWORD,
    /** A numeric constant: {@code 42}, {@code 3.14}, {@code .5}, {@code 1e-3}, {@code 0x1F}, {@code 1_000}. */
    NUMBER,
    /** {@code $1}, {@code $2}, ...: a parameter bound on the server. */
    POSITIONAL_PARAMETER,
    /** {@code :name}: a parameter in the named style, rewritten before execution. */
    NAMED_PARAMETER,
    /** An operator such as {@code =}, {@code ::}, {@code ->>} or {@code ?|}. */
    OPERATOR,
    /** One of {@code ( ) [ ] , ; . :}. */
    PUNCTUATION,
    /** A psql backslash command ({@code \d users}, {@code \g}): from a backslash outside quotes to the end of its line. */
    META_COMMAND,
    /** A character PostgreSQL would reject here, such as a stray {@code \} or {@code $}. */
    UNKNOWN;

    /** Whether tokens of this kind carry no meaning for the server: whitespace and comments. */
    public boolean isTrivia() {
        return this == WHITESPACE || this == LINE_COMMENT || this == BLOCK_COMMENT;
    }

    /** Whether tokens of this kind are literal text the lexer never looks inside: strings, comments, quoted names. */
    public boolean isOpaque() {
        return this == LINE_COMMENT
                || this == BLOCK_COMMENT
                || this == STRING
                || this == DOLLAR_STRING
                || this == QUOTED_IDENTIFIER;
    }
}
