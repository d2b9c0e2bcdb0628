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
            assertThat(copyProblem(sql, statement.sql()))
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
            if (sql.indexOf('\u0000') >= 0) {
                continue; // the driver rejects NUL characters outright
            }
            JdbcStatement statement;
            try {
                statement = Parameters.rewriteForJdbc(sql);
            } catch (InvalidParametersException mixedOrOutOfRange) {
                continue;
            }
            List<NativeQuery> parsed = Parser.parseJdbcSql(statement.sql(), true, true, false, false, false);
            String nativeSql = parsed.isEmpty() ? "" : parsed.get(0).nativeSql;
            assertThat(withoutSpaces(nativeSql))
                    .as("statement #%d %s", i, SqlLexerPropertyTest.quoted(sql))
                    .isEqualTo(withoutSpaces(renumbered(sql)));
            compared++;
        }
        assertThat(compared).isGreaterThan(STATEMENTS / 4);
    }

    /**
     * Walks the original tokens along the rewritten text: parameters must have become "?", operators
     * must be copied with "?" doubled, everything else (strings, comments, quoted names, dollar bodies)
     * copied unchanged; the only additions allowed are single spaces that keep a placeholder apart.
     */
    private static String copyProblem(String original, String rewritten) {
        int at = 0;
        for (Token token : SqlLexer.tokenize(original)) {
            boolean parameter =
                    token.kind() == TokenKind.POSITIONAL_PARAMETER || token.kind() == TokenKind.NAMED_PARAMETER;
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

    /** Without spaces and semicolons, which the driver may add or drop around statement ends. */
    private static String withoutSpaces(String sql) {
        return sql.replace(" ", "").replace(";", "");
    }
}
