package dev.pgdesk.complete;

import dev.pgdesk.sql.TokenKind;
import java.util.Locale;

/** PostgreSQL's spelling rules for names: folding unquoted names, and quoting as {@code quote_ident} does. */
final class Identifiers {
    private Identifiers() {}

    /** The name a complete token stands for: unquoted names fold to lower case, quoted ones lose their quotes. */
    static String normalize(String tokenText, TokenKind kind, boolean terminated) {
        if (kind == TokenKind.QUOTED_IDENTIFIER) {
            return unquote(tokenText, terminated);
        }
        return tokenText.toLowerCase(Locale.ROOT);
    }

    /** The text inside a quoted name (its closing quote missing unless {@code terminated}), doubled quotes undone. */
    static String unquote(String quoted, boolean terminated) {
        int from = quoted.regionMatches(true, 0, "U&", 0, 2) ? 3 : 1;
        int to = terminated ? quoted.length() - 1 : quoted.length();
        return from >= to ? "" : quoted.substring(from, to).replace("\"\"", "\"");
    }

    /** {@code name} as it must be written: bare when PostgreSQL would read it back unchanged, else quoted. */
    static String quote(String name, CatalogSnapshot snapshot) {
        return needsQuotes(name, snapshot) ? quoteAlways(name) : name;
    }

    /** {@code name} in double quotes, inner quotes doubled. */
    static String quoteAlways(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Whether {@code name} needs quotes: anything but lower-case letters, digits, underscores and dollars
     * (not leading), or a keyword {@code quote_ident} quotes.
     */
    static boolean needsQuotes(String name, CatalogSnapshot snapshot) {
        return name.isEmpty() || dev.pgdesk.sql.Identifiers.needsQuotes(name) || snapshot.isQuotedKeyword(name);
    }
}
