package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    /** The styled runs of {@code sql} as "class text", skipping unstyled whitespace. */
    private static List<String> styled(String sql) {
        List<String> runs = new ArrayList<>();
        int offset = 0;
        for (HighlightSpan span : SqlHighlighter.spans(sql)) {
            if (!span.isUnstyled()) {
                runs.add(span.styleClass() + " " + sql.substring(offset, offset + span.length()));
            }
            offset += span.length();
        }
        return runs;
    }

    private static int coveredLength(List<HighlightSpan> spans) {
        return spans.stream().mapToInt(HighlightSpan::length).sum();
    }

    @Test
    void emptyTextHasNoSpans() {
        assertThat(SqlHighlighter.spans("")).isEmpty();
    }

    @Test
    void eachKindOfTokenGetsItsStyleClass() {
        assertThat(styled("SELECT \"Id\", 'x', 4.5 FROM t WHERE a = $1 AND b = :name; -- done"))
                .containsExactly(
                        "keyword SELECT",
                        "quoted-identifier \"Id\"",
                        "punctuation ,",
                        "string 'x'",
                        "punctuation ,",
                        "number 4.5",
                        "keyword FROM",
                        "identifier t",
                        "keyword WHERE",
                        "identifier a",
                        "operator =",
                        "parameter $1",
                        "keyword AND",
                        "identifier b",
                        "operator =",
                        "parameter :name",
                        "punctuation ;",
                        "comment -- done");
    }

    @Test
    void dollarBodiesAreStringsAndBlockCommentsAreComments() {
        assertThat(styled("/* a */ $$ body ( $$")).containsExactly("comment /* a */", "string $$ body ( $$");
    }

    @Test
    void metaCommandsAndStrayCharactersAreMarked() {
        assertThat(styled("\\d users\nSELECT ?"))
                .containsExactly("meta-command \\d users", "keyword SELECT", "operator ?");
        assertThat(styled("SELECT $")).containsExactly("keyword SELECT", "unknown $");
    }

    @Test
    void neighbouringTokensOfOneStyleShareOneSpan() {
        List<HighlightSpan> spans = SqlHighlighter.spans("-- one\n-- two");
        assertThat(spans)
                .containsExactly(
                        new HighlightSpan("comment", 6), new HighlightSpan("", 1), new HighlightSpan("comment", 6));
        assertThat(SqlHighlighter.spans("((")).containsExactly(new HighlightSpan("punctuation", 2));
    }

    @Test
    void spansCoverRandomTextExactlyWithoutEmptyOrRepeatedRuns() {
        Random random = new Random(20261123);
        String alphabet = "SELECT from x1 'q' \"n\" $$ $a$ -- /* */ \n\\ ( ) [ ] ; : :v $2 0x1F 1e5 + - < >";
        for (int round = 0; round < 500; round++) {
            StringBuilder sql = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<HighlightSpan> spans = SqlHighlighter.spans(sql.toString());
            assertThat(coveredLength(spans)).as("coverage of %s", sql).isEqualTo(sql.length());
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i).styleClass())
                        .isNotEqualTo(spans.get(i - 1).styleClass());
            }
        }
    }

    @Test
    void aSpanWithoutCharactersIsRejected() {
        assertThatThrownBy(() -> new HighlightSpan("keyword", 0)).hasMessageContaining("positive length");
    }
}
