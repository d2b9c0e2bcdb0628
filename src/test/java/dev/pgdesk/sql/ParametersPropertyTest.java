package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/** Properties of parameter rewriting over generated statements (seeded, so failures repeat). */
class ParametersPropertyTest {
    private static final int STATEMENTS = 60_000;

    @Test
    void rewritingNeverChangesStringsCommentsQuotedNamesOrDollarBodies() {
        RandomSql generator = new RandomSql(3L);
        int rewritten = 0;
        for (int i = 0; i < STATEMENTS; i++) {
            String sql = generator.next();
            JdbcStatement statement;
            try {
                statement = Parameters.rewriteForJdbc(sql);
            } catch (InvalidParametersException mixedOrOutOfRange) {
                continue;
            }
            assertThat(copyProblem(sql, statement.sql(), !statement.bindings().isEmpty()))
                    .as("statement #%d %s", i, SqlLexerPropertyTest.quoted(sql))
                    .isNull();
            rewritten++;
        }
        assertThat(rewritten).isGreaterThan(STATEMENTS / 4);
    }

    @Test
    void driverSeesExactlyOurPlaceholdersAndRestoresEveryLiteralQuestionMark() throws SQLException {
        // pgjdbc's own parser turns each "?" into $n and "??" back into "?"; the result must be the
        // original statement with its parameters renumbered in order of use.
        RandomSql generator = new RandomSql(5L);
        int compared = 0;
        for (int i = 0; i < STATEMENTS; i++) {
            String sql = generator.next();
            if (hasKnownDriverDisagreement(sql)) {
                continue;
            }
            JdbcStatement statement;
            try {
                statement = Parameters.rewriteForJdbc(sql);
            } catch (InvalidParametersException mixedOrOutOfRange) {
                continue;
            }
            List<NativeQuery> parsed = Parser.parseJdbcSql(statement.sql(), true, true, true, false, false);
            String nativeSql = parsed.isEmpty() ? "" : parsed.get(0).nativeSql;
            assertThat(withoutSpaces(nativeSql))
                    .as("statement #%d %s", i, SqlLexerPropertyTest.quoted(sql))
                    .isEqualTo(withoutSpaces(statement.bindings().isEmpty() ? sql : renumbered(sql)));
            compared++;
        }
        assertThat(compared).isGreaterThan(STATEMENTS / 4);
    }

    /**
     * Walks the original tokens along the rewritten text: parameters must have become "?" (unless the
     * statement defines code, whose {@code $n} stay as written), operators
     * must be copied with "?" doubled, everything else (strings, comments, quoted names, dollar bodies)
     * copied unchanged; the only additions allowed are single spaces that keep a placeholder apart.
     */
    private static String copyProblem(String original, String rewritten, boolean bindsParameters) {
        int at = 0;
        for (Token token : SqlLexer.tokenize(original)) {
            boolean parameter = bindsParameters
                    && (token.kind() == TokenKind.POSITIONAL_PARAMETER || token.kind() == TokenKind.NAMED_PARAMETER);
            String text = token.text(original);
            String expected = parameter ? "?" : token.kind() == TokenKind.OPERATOR ? text.replace("?", "??") : text;
            if (!rewritten.startsWith(expected, at) && rewritten.startsWith(" " + expected, at)) {
                at++;
            }
            if (!rewritten.startsWith(expected, at)) {
                return token + " " + text + " was not copied as " + expected + " at " + at + " of " + rewritten;
            }
            at += expected.length();
        }
        return at == rewritten.length() ? null : "rewritten text has extra characters after " + at;
    }

    /** The statement with its k-th parameter occurrence written {@code $k}. */
    private static String renumbered(String sql) {
        StringBuilder out = new StringBuilder();
        int occurrence = 0;
        for (Token token : SqlLexer.tokenize(sql)) {
            boolean parameter =
                    token.kind() == TokenKind.POSITIONAL_PARAMETER || token.kind() == TokenKind.NAMED_PARAMETER;
            out.append(parameter ? "$" + ++occurrence : token.text(sql));
        }
        return out.toString();
    }

    /**
     * Inputs on which the driver's simpler lexer knowingly differs from the server's, none of them real SQL:
     * NUL (PostgreSQL text cannot hold it); lone surrogates (not valid UTF-16); {@code /*}{@code /} (the
     * driver takes the {@code *}{@code /} to close the comment just opened); a character the two classify
     * differently before {@code $} or {@code E'}; and an {@code E'...'} string or a dollar quote glued to
     * the token before it ({@code 1$a$...}, {@code $$x$$$$y$$}, {@code 'a'E'b'}).
     */
    private static boolean hasKnownDriverDisagreement(String sql) {
        if (sql.indexOf('\u0000') >= 0 || hasLoneSurrogate(sql) || hasSymbolBeforeDollar(sql) || sql.contains("/*/")) {
            return true;
        }
        List<Token> tokens = SqlLexer.tokenize(sql);
        if (tokens.stream().anyMatch(t -> t.kind() == TokenKind.PUNCTUATION && sql.charAt(t.start()) == ';')) {
            return true; // the splitter never hands over a statement with a top-level semicolon
        }
        if (tokens.stream().anyMatch(t -> t.kind() == TokenKind.META_COMMAND)) {
            return true; // meta-commands are never sent to the driver
        }
        for (Token token : tokens) {
            boolean escapeString =
                    token.kind() == TokenKind.STRING && Character.toLowerCase(sql.charAt(token.start())) == 'e';
            if ((escapeString || token.kind() == TokenKind.DOLLAR_STRING) && gluedToThePreviousToken(sql, token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean gluedToThePreviousToken(String sql, Token token) {
        if (token.start() == 0) {
            return token.kind() == TokenKind.STRING; // the driver misses an E'...' opening the text
        }
        char before = sql.charAt(token.start() - 1);
        if (token.kind() == TokenKind.STRING) {
            // The driver reads E'...' right after a quote or a symbol as a plain string.
            return " \t\r\n(,=".indexOf(before) < 0;
        }
        return Character.isLetterOrDigit(before) || before == '$';
    }

    /**
     * Whether a {@code $} or an {@code E'} follows a character that the server and the driver classify
     * differently (the driver asks {@link Character#isJavaIdentifierPart}, which accepts some control
     * characters and rejects non-ASCII symbols; the server takes every non-ASCII character as a letter).
     */
    private static boolean hasSymbolBeforeDollar(String sql) {
        for (int i = 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            boolean escapeStringStart = (c == 'e' || c == 'E') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'';
            if (c == '$' || escapeStringStart) {
                char before = sql.charAt(i - 1);
                if (Character.isJavaIdentifierPart(before) != SqlCharacters.isIdentifierPart(before)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < sql.length() && Character.isLowSurrogate(sql.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Without spaces, control characters and semicolons, which the driver trims or drops at statement ends. */
    private static String withoutSpaces(String sql) {
        return sql.replaceAll("[\\x00-\\x20;]", "");
    }
}
