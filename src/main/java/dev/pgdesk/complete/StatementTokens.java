package dev.pgdesk.complete;

import dev.pgdesk.sql.SqlKeywords;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The significant tokens (no whitespace or comments) of one statement, with helpers to read them as SQL. */
final class StatementTokens {
    private final String source;
    private final List<Token> tokens;
    private final String[] lower;

    StatementTokens(String source, List<Token> all) {
        this.source = source;
        List<Token> significant = new ArrayList<>();
        for (Token token : all) {
            if (!token.kind().isTrivia()) {
                significant.add(token);
            }
        }
        this.tokens = significant;
        this.lower = new String[significant.size()];
        for (int i = 0; i < lower.length; i++) {
            Token token = significant.get(i);
            TokenKind kind = token.kind();
            lower[i] = kind == TokenKind.KEYWORD || kind == TokenKind.IDENTIFIER
                    ? token.text(source).toLowerCase(Locale.ROOT)
                    : "";
        }
    }

    String source() {
        return source;
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    /** The lower-case text of an unquoted word at {@code i}, or "" for anything else (or out of range). */
    String word(int i) {
        return i >= 0 && i < lower.length ? lower[i] : "";
    }

    boolean isWord(int i, String word) {
        return word(i).equals(word);
    }

    /** Whether {@code i} is the one-character punctuation or operator {@code c}. */
    boolean isChar(int i, char c) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(i);
        return token.length() == 1 && source.charAt(token.start()) == c;
    }

    /**
     * Whether {@code i} can be a name: an identifier, a quoted name, or a keyword that is not reserved (the
     * lexer calls words like {@code comment} keywords, yet they name tables too).
     */
    boolean isName(int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(i);
        return switch (token.kind()) {
            case IDENTIFIER, QUOTED_IDENTIFIER -> true;
            case KEYWORD -> !SqlKeywords.isReserved(lower[i]);
            default -> false;
        };
    }

    /** Whether {@code i} is a name that is not a keyword at all: safe to read as an alias. */
    boolean isPlainName(int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        TokenKind kind = tokens.get(i).kind();
        return kind == TokenKind.IDENTIFIER || kind == TokenKind.QUOTED_IDENTIFIER;
    }

    /** The name at {@code i}, folded or unquoted as PostgreSQL reads it. */
    String name(int i) {
        Token token = tokens.get(i);
        return Identifiers.normalize(token.text(source), token.kind(), token.terminated());
    }

    /** The index of the bracket closing the one opened at {@code open}, or {@link #size()} when unclosed. */
    int closingParen(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (isChar(i, '(')) {
                depth++;
            } else if (isChar(i, ')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    /**
     * A dotted name starting at {@code i} ({@code a}, {@code a.b}, {@code a.b.c}): its parts, or an empty
     * list when {@code i} is not a name.
     */
    List<String> dottedName(int i) {
        List<String> parts = new ArrayList<>();
        int at = i;
        while (isName(at)) {
            parts.add(name(at));
            if (isChar(at + 1, '.') && isName(at + 2)) {
                at += 2;
            } else {
                break;
            }
        }
        return parts;
    }

    /** The index just past the dotted name starting at {@code i}. */
    int afterDottedName(int i) {
        int at = i;
        while (isName(at)) {
            if (isChar(at + 1, '.') && isName(at + 2)) {
                at += 2;
            } else {
                return at + 1;
            }
        }
        return at;
    }

    /** The index of the first token starting at or after {@code offset}. */
    int indexAtOrAfter(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
