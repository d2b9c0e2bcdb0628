package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of splitting that hold for every script, over generated scripts (seeded). */
class StatementSplitterPropertyTest {
    private static final int SCRIPTS = 50_000;

    @Test
    void statementsAreTheScriptTextAtTheirOffsetsInOrderWithoutOverlap() {
        RandomSql generator = new RandomSql(7L);
        int statementsSeen = 0;
        for (int i = 0; i < SCRIPTS; i++) {
            String script = generator.next();
            List<ScriptStatement> statements = StatementSplitter.split(script);
            int previousEnd = 0;
            boolean[] whitespace = whitespaceMap(script);
            for (ScriptStatement statement : statements) {
                assertThat(script.substring(statement.start(), statement.end()))
                        .as("script #%d %s", i, SqlLexerPropertyTest.quoted(script))
                        .isEqualTo(statement.text());
                assertThat(statement.start()).as("script #%d", i).isGreaterThanOrEqualTo(previousEnd);
                assertThat(whitespace[statement.start()] || whitespace[statement.end() - 1])
                        .as("script #%d: statement starts or ends with whitespace", i)
                        .isFalse();
                previousEnd = statement.end();
                statementsSeen++;
            }
        }
        assertThat(statementsSeen).isPositive();
    }

    @Test
    void everyCaretPositionFindsAStatementWhenThereIsOne() {
        RandomSql generator = new RandomSql(11L);
        for (int i = 0; i < SCRIPTS / 10; i++) {
            String script = generator.next();
            boolean any = !StatementSplitter.split(script).isEmpty();
            for (int caret = 0; caret <= script.length(); caret += 3) {
                assertThat(StatementSplitter.statementAt(script, caret).isPresent())
                        .as("script #%d caret %d", i, caret)
                        .isEqualTo(any);
            }
        }
    }

    private static boolean[] whitespaceMap(String script) {
        boolean[] whitespace = new boolean[script.length()];
        for (Token token : SqlLexer.tokenize(script)) {
            if (token.kind() == TokenKind.WHITESPACE) {
                Arrays.fill(whitespace, token.start(), token.end(), true);
            }
        }
        return whitespace;
    }
}
