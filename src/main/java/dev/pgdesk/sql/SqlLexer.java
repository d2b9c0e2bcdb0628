package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits PostgreSQL source text into {@link Token tokens}, following the server's own lexical rules closely
 * enough for highlighting, statement splitting and parameter rewriting, and psql's where they differ: a
 * backslash outside quotes starts a psql meta-command, as it does in psql.
 *
 * <p>Plain {@code '...'} strings depend on the session's {@code standard_conforming_strings}: on (the
 * default since PostgreSQL 9.1) a backslash is an ordinary character; off, it escapes the next character
 * as in {@code E'...'}. {@link #tokenize(String, boolean)} takes the setting; {@link #reading} lets a caller
 * change it between tokens, as a script that runs {@code SET standard_conforming_strings} does.
 *
 * <p>It never throws: text the server would reject becomes {@link TokenKind#UNKNOWN} tokens or tokens that
 * are not {@link Token#terminated() terminated}. The tokens always cover the input exactly: the first
 * starts at 0, each starts where the previous one ended, the last ends at the input's length.
 */
public final class SqlLexer {
    private final String source;
    private final int length;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private boolean standardConformingStrings;

    private SqlLexer(String source, int from, boolean standardConformingStrings) {
        this.source = source;
        this.length = source.length();
        this.position = from;
        this.standardConformingStrings = standardConformingStrings;
    }

    /** The tokens of {@code source}, in order, with {@code standard_conforming_strings} on; empty for "". */
    public static List<Token> tokenize(String source) {
        return tokenize(source, true);
    }

    /** The tokens of {@code source} as a session with the given {@code standard_conforming_strings} reads them. */
    public static List<Token> tokenize(String source, boolean standardConformingStrings) {
        SqlLexer lexer = reading(source, 0, standardConformingStrings);
        while (lexer.next() != null) {
            // next() collects the tokens
        }
        return Collections.unmodifiableList(lexer.tokens);
    }

    /**
     * A lexer that reads {@code source} from offset {@code from} one token at a time ({@link #next()}), so
     * the caller can switch {@code standard_conforming_strings} between tokens.
     */
    public static SqlLexer reading(String source, int from, boolean standardConformingStrings) {
        if (source == null) {
            throw new IllegalArgumentException("source text is required (use \"\" for none)");
        }
        if (from < 0 || from > source.length()) {
            throw new IllegalArgumentException(
                    "offset " + from + " lies outside the text (0.." + source.length() + ")");
        }
        return new SqlLexer(source, from, standardConformingStrings);
    }

    /** The next token, or null at the end of the text. */
    public Token next() {
        if (position >= length) {
            return null;
        }
        int start = position;
        int count = tokens.size();
        readToken();
        if (position <= start) {
            // Defensive: every rule consumes input; should one ever not, keep the coverage guarantee.
            position = start + 1;
            emit(TokenKind.UNKNOWN, start);
        }
        return tokens.size() > count ? tokens.get(tokens.size() - 1) : null;
    }

    /** Reads the tokens after the current one as a session with this {@code standard_conforming_strings}. */
    public void standardConformingStrings(boolean on) {
        this.standardConformingStrings = on;
    }

    private void readToken() {
        char c = source.charAt(position);
        if (SqlCharacters.isWhitespace(c)) {
            readWhitespace();
        } else if (c == '-' && peek(1) == '-') {
            readLineComment();
        } else if (c == '/' && peek(1) == '*') {
            readBlockComment();
        } else if (c == '\\') {
            // psql reads a backslash outside quotes as the start of a meta-command, wherever it stands.
            readMetaCommand();
        } else if (c == '\'') {
            readQuoted(position, '\'', TokenKind.STRING, !standardConformingStrings);
        } else if (c == '"') {
            readQuoted(position, '"', TokenKind.QUOTED_IDENTIFIER, false);
        } else if (c == '$') {
            readDollar();
        } else if (c == '.' && peek(1) == '.') {
            // PostgreSQL's ".." (PL/pgSQL ranges), so "1..10" does not read as "1." and ".10"
            int start = position;
            position += 2;
            emit(TokenKind.PUNCTUATION, start);
        } else if (SqlCharacters.isDigit(c) || (c == '.' && SqlCharacters.isDigit(peek(1)))) {
            readNumber();
        } else if (SqlCharacters.isIdentifierStart(c)) {
            readWordOrPrefixedString();
        } else if (c == ':') {
            readColon();
        } else if (SqlCharacters.isOperatorChar(c)) {
            readOperator();
        } else if (SqlCharacters.isPunctuation(c)) {
            int start = position++;
            emit(TokenKind.PUNCTUATION, start);
        } else {
            int start = position;
            position += Character.isHighSurrogate(c) && Character.isLowSurrogate(peek(1)) ? 2 : 1;
            emit(TokenKind.UNKNOWN, start);
        }
    }

    private void readWhitespace() {
        int start = position;
        while (position < length && SqlCharacters.isWhitespace(source.charAt(position))) {
            position++;
        }
        emit(TokenKind.WHITESPACE, start);
    }

    private void readLineComment() {
        int start = position;
        position = lineEnd(position);
        emit(TokenKind.LINE_COMMENT, start);
    }

    private void readBlockComment() {
        int start = position;
        position += 2;
        int depth = 1;
        while (position < length && depth > 0) {
            char c = source.charAt(position);
            if (c == '/' && peek(1) == '*') {
                depth++;
                position += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                position += 2;
            } else {
                position++;
            }
        }
        emit(TokenKind.BLOCK_COMMENT, start, depth == 0);
    }

    private void readMetaCommand() {
        int start = position;
        position = lineEnd(position);
        emit(TokenKind.META_COMMAND, start);
    }

    /**
     * Reads a token delimited by {@code quote} whose opening quote is at {@code position}, from {@code
     * start} (where a prefix such as {@code E} or {@code U&} begins). A doubled quote stands for itself;
     * with {@code backslashEscapes} a backslash escapes the character after it.
     */
    private void readQuoted(int start, char quote, TokenKind kind, boolean backslashEscapes) {
        position++; // the opening quote
        while (position < length) {
            char c = source.charAt(position);
            if (backslashEscapes && c == '\\') {
                position = Math.min(length, position + 2);
            } else if (c == quote) {
                if (peek(1) == quote) {
                    position += 2;
                } else {
                    position++;
                    emit(kind, start, true);
                    return;
                }
            } else {
                position++;
            }
        }
        emit(kind, start, false);
    }

    private void readDollar() {
        int start = position;
        if (SqlCharacters.isDigit(peek(1))) {
            position++;
            while (position < length && SqlCharacters.isDigit(source.charAt(position))) {
                position++;
            }
            emit(TokenKind.POSITIONAL_PARAMETER, start);
            return;
        }
        int tagEnd = dollarTagEnd(start);
        if (tagEnd < 0) {
            position++;
            emit(TokenKind.UNKNOWN, start);
            return;
        }
        String delimiter = source.substring(start, tagEnd);
        int close = source.indexOf(delimiter, tagEnd);
        if (close < 0) {
            position = length;
            emit(TokenKind.DOLLAR_STRING, start, false);
        } else {
            position = close + delimiter.length();
            emit(TokenKind.DOLLAR_STRING, start, true);
        }
    }

    /** The offset just past the opening delimiter {@code $tag$} starting at {@code dollar}, or -1 if none. */
    private int dollarTagEnd(int dollar) {
        int i = dollar + 1;
        if (i < length && SqlCharacters.isIdentifierStart(source.charAt(i))) {
            i++;
            while (i < length && SqlCharacters.isDollarTagPart(source.charAt(i))) {
                i++;
            }
        }
        return i < length && source.charAt(i) == '$' ? i + 1 : -1;
    }

    private void readNumber() {
        int start = position;
        char c = source.charAt(position);
        char radix = Character.toLowerCase(peek(1));
        if (c == '0' && (radix == 'x' || radix == 'o' || radix == 'b') && isRadixDigit(radix, peekAfterUnderscore(2))) {
            position += 2;
            skipDigits(radix);
            emit(TokenKind.NUMBER, start);
            return;
        }
        skipDigits('d');
        // "1..10" (a PL/pgSQL range) is the integer 1 followed by "..", not 1. and .10
        if (position < length && source.charAt(position) == '.' && peek(1) != '.') {
            position++;
            skipDigits('d');
        }
        char e = position < length ? source.charAt(position) : 0;
        if (e == 'e' || e == 'E') {
            int exponent = position + 1;
            if (exponent < length && (source.charAt(exponent) == '+' || source.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && SqlCharacters.isDigit(source.charAt(exponent))) {
                position = exponent;
                skipDigits('d');
            }
        }
        emit(TokenKind.NUMBER, start);
    }

    /** Skips digits of the radix ('x', 'o', 'b' or 'd'), allowing single underscores between them. */
    private void skipDigits(char radix) {
        while (position < length) {
            char c = source.charAt(position);
            if (isRadixDigit(radix, c)) {
                position++;
            } else if (c == '_' && isRadixDigit(radix, peek(1))) {
                position += 2;
            } else {
                return;
            }
        }
    }

    private char peekAfterUnderscore(int offset) {
        char c = peek(offset);
        return c == '_' ? peek(offset + 1) : c;
    }

    private static boolean isRadixDigit(char radix, char c) {
        return switch (radix) {
            case 'x' -> Character.digit(c, 16) >= 0 && c < 128;
            case 'o' -> c >= '0' && c <= '7';
            case 'b' -> c == '0' || c == '1';
            default -> SqlCharacters.isDigit(c);
        };
    }

    private void readWordOrPrefixedString() {
        int start = position;
        char c = Character.toLowerCase(source.charAt(position));
        char next = peek(1);
        if (next == '\'' && (c == 'e' || c == 'b' || c == 'x' || c == 'n')) {
            position++;
            // E'' always takes backslash escapes; N'' is a plain string, so it follows the session's setting.
            boolean escapes = c == 'e' || (c == 'n' && !standardConformingStrings);
            readQuoted(start, '\'', TokenKind.STRING, escapes);
            return;
        }
        if (c == 'u' && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char quote = peek(2);
            position += 2;
            readQuoted(start, quote, quote == '\'' ? TokenKind.STRING : TokenKind.QUOTED_IDENTIFIER, false);
            return;
        }
        position = identifierEnd(position);
        boolean keyword = SqlKeywords.isKeyword(source.substring(start, position));
        emit(keyword ? TokenKind.KEYWORD : TokenKind.IDENTIFIER, start);
    }

    private int identifierEnd(int from) {
        int i = from + 1;
        while (i < length && SqlCharacters.isIdentifierPart(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private void readColon() {
        int start = position;
        char next = peek(1);
        if (next == ':' || next == '=') {
            position += 2;
            emit(TokenKind.OPERATOR, start);
        } else if (SqlCharacters.isIdentifierStart(next) && mayStartNamedParameter(start)) {
            position = identifierEnd(start + 1);
            emit(TokenKind.NAMED_PARAMETER, start);
        } else {
            position++;
            emit(TokenKind.PUNCTUATION, start);
        }
    }

    /**
     * Whether a colon at {@code colon} can begin {@code :name}: not right after a name, a closing bracket
     * or a quote, so array slices such as {@code a[lo:hi]} and {@code "x":y} stay as they are.
     */
    private boolean mayStartNamedParameter(int colon) {
        if (colon == 0) {
            return true;
        }
        char before = source.charAt(colon - 1);
        return !(SqlCharacters.isIdentifierPart(before)
                || before == ':'
                || before == ')'
                || before == ']'
                || before == '"'
                || before == '\'');
    }

    /**
     * Reads an operator: the longest run of operator characters that does not start a comment, then
     * PostgreSQL's rule that a multi-character operator cannot end in {@code +} or {@code -} unless it
     * contains one of {@code ~ ! @ # ^ & | ` ? %} (so {@code a=-1} is {@code =} then {@code -}).
     */
    private void readOperator() {
        int start = position;
        int end = position;
        while (end < length && SqlCharacters.isOperatorChar(source.charAt(end)) && !startsComment(end)) {
            end++;
        }
        if (end - start > 1 && isPlusOrMinus(source.charAt(end - 1)) && !containsNonArithmeticChar(start, end)) {
            while (end - start > 1 && isPlusOrMinus(source.charAt(end - 1))) {
                end--;
            }
        }
        position = end;
        emit(TokenKind.OPERATOR, start);
    }

    private boolean startsComment(int i) {
        char c = source.charAt(i);
        char next = i + 1 < length ? source.charAt(i + 1) : 0;
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    private boolean containsNonArithmeticChar(int start, int end) {
        for (int i = start; i < end; i++) {
            if ("~!@#^&|`?%".indexOf(source.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlusOrMinus(char c) {
        return c == '+' || c == '-';
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < length && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private char peek(int offset) {
        int i = position + offset;
        return i < length ? source.charAt(i) : 0;
    }

    private void emit(TokenKind kind, int start) {
        emit(kind, start, true);
    }

    private void emit(TokenKind kind, int start, boolean terminated) {
        tokens.add(new Token(kind, start, position, terminated));
    }
}
