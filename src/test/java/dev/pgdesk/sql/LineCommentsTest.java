package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineCommentsTest {

    /**
     * Toggles comments in {@code marked}, where {@code [} and {@code ]} mark the selection (or a lone
     * {@code |} the caret), and returns the new text with the new selection marked the same way.
     */
    private static String toggle(String marked) {
        int caret = marked.indexOf('|');
        String text;
        int start;
        int end;
        if (caret >= 0) {
            text = marked.substring(0, caret) + marked.substring(caret + 1);
            start = caret;
            end = caret;
        } else {
            start = marked.indexOf('[');
            end = marked.indexOf(']') - 1;
            text = marked.replace("[", "").replace("]", "");
        }
        CommentToggle toggle = LineComments.toggle(text, start, end);
        String result = toggle.applyTo(text);
        if (toggle.selectionStart() == toggle.selectionEnd()) {
            return result.substring(0, toggle.selectionStart()) + "|" + result.substring(toggle.selectionStart());
        }
        return result.substring(0, toggle.selectionStart())
                + "["
                + result.substring(toggle.selectionStart(), toggle.selectionEnd())
                + "]"
                + result.substring(toggle.selectionEnd());
    }

    @Test
    void aSingleLineIsCommentedAndTheCaretKeepsItsPlaceInTheText() {
        assertThat(toggle("SELECT 1;\nSEL|ECT 2;\nSELECT 3;")).isEqualTo("SELECT 1;\n-- SEL|ECT 2;\nSELECT 3;");
    }

    @Test
    void aSingleCommentedLineIsUncommented() {
        assertThat(toggle("-- SEL|ECT 2;")).isEqualTo("SEL|ECT 2;");
    }

    @Test
    void uncommentingWithoutASpaceAfterTheMarkerRemovesOnlyTheMarker() {
        assertThat(toggle("--SELECT| 2;")).isEqualTo("SELECT| 2;");
        assertThat(toggle("--  SELECT| 2;")).isEqualTo(" SELECT| 2;");
    }

    @Test
    void everySelectedLineIsCommentedAtTheCommonIndentation() {
        assertThat(toggle("SELECT [a,\n    b\n  FROM] t;"))
                .isEqualTo("-- SELECT [a,\n-- " + "    b\n-- " + "  FROM] t;");
        assertThat(toggle("  [SELECT\n    a]")).isEqualTo("  [-- SELECT\n  --   a]");
    }

    @Test
    void aBlockOfCommentedLinesIsUncommentedAtAnyIndentation() {
        assertThat(toggle("[-- a\n  --b\n-- c]")).isEqualTo("[a\n  b\nc]");
    }

    @Test
    void mixedCommentedAndPlainLinesAreAllCommented() {
        assertThat(toggle("[-- a\nb]")).isEqualTo("[-- -- a\n-- b]");
    }

    @Test
    void blankLinesInTheBlockAreLeftAlone() {
        assertThat(toggle("[a\n\n   \nb]")).isEqualTo("[-- a\n\n   \n-- b]");
        assertThat(toggle("[-- a\n\n-- b]")).isEqualTo("[a\n\nb]");
    }

    @Test
    void aSelectionEndingAtTheStartOfALineLeavesThatLineAlone() {
        assertThat(toggle("[a\n]b")).isEqualTo("[-- a\n]b");
    }

    @Test
    void aBlankLineAloneIsCommentedSoTheCommandDoesSomething() {
        assertThat(toggle("a\n|\nb")).isEqualTo("a\n-- |\nb");
    }

    @Test
    void onlyTheTouchedLineBlockIsReplaced() {
        CommentToggle toggle = LineComments.toggle("one\ntwo\nthree", 5, 5);
        assertThat(toggle.start()).isEqualTo(4);
        assertThat(toggle.end()).isEqualTo(7);
        assertThat(toggle.replacement()).isEqualTo("-- two");
    }

    @Test
    void windowsLineEndingsStayIntact() {
        assertThat(toggle("[a\r\nb]\r\n")).isEqualTo("[-- a\r\n-- b]\r\n");
    }

    @Test
    void aSelectionOutsideTheTextIsRejectedWithTheReason() {
        assertThatThrownBy(() -> LineComments.toggle("abc", 2, 9))
                .hasMessageContaining("does not fit a text of 3 characters");
    }
}
