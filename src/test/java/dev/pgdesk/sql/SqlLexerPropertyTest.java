package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties that hold for every input, checked over many generated inputs (seeded, so failures repeat). */
class SqlLexerPropertyTest {
    static final int INPUTS = 120_000;
    private static final long SEED = 20_261_123L;

    @Test
    void neverThrowsAndTokensCoverEveryInputExactly() {
        RandomSql generator = new RandomSql(SEED);
        int checked = 0;
        for (int i = 0; i < INPUTS; i++) {
            String sql = generator.next();
            List<Token> tokens;
            try {
                tokens = SqlLexer.tokenize(sql);
            } catch (RuntimeException e) {
                throw new AssertionError("input #" + i + " threw: " + quoted(sql), e);
            }
            String problem = coverageProblem(sql, tokens);
            if (problem != null) {
                fail("input #" + i + " " + quoted(sql) + ": " + problem);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(INPUTS);
    }

    @Test
    void relexingTheTextOfATokenGivesTheSameTokenForOpaqueKinds() {
        // A string, comment or quoted name read on its own is the same single token: its end was found
        // from its own content, never from what follows.
        RandomSql generator = new RandomSql(SEED + 1);
        for (int i = 0; i < INPUTS / 4; i++) {
            String sql = generator.next();
            for (Token token : SqlLexer.tokenize(sql)) {
                if (token.kind().isOpaque() && token.terminated()) {
                    List<Token> again = SqlLexer.tokenize(token.text(sql));
                    assertThat(again)
                            .as("input #%d token %s of %s", i, token, quoted(sql))
                            .singleElement()
                            .extracting(Token::kind)
                            .isEqualTo(token.kind());
                }
            }
        }
    }

    static String coverageProblem(String sql, List<Token> tokens) {
        int expectedStart = 0;
        for (Token token : tokens) {
            if (token.start() != expectedStart) {
                return token + " starts at " + token.start() + " but the previous token ended at " + expectedStart;
            }
            if (token.end() <= token.start()) {
                return token + " is empty";
            }
            expectedStart = token.end();
        }
        return expectedStart == sql.length() ? null : "tokens end at " + expectedStart + " of " + sql.length();
    }

    static String quoted(String sql) {
        StringBuilder out = new StringBuilder("\"");
        sql.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
