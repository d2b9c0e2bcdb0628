package dev.pgdesk.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoPopupTest {

    private static boolean opensAfterTyping(String before, char typed) {
        String text = before + typed;
        return AutoPopup.opensAfter(text, text.length(), String.valueOf(typed), "");
    }

    @Test
    void aTypedDotOpensForAQualifierEvenOneEndingInADigit() {
        assertThat(opensAfterTyping("SELECT c", '.')).isTrue();
        assertThat(opensAfterTyping("SELECT t1", '.')).isTrue();
        assertThat(opensAfterTyping("SELECT \"Mixed\"", '.')).isTrue();
    }

    @Test
    void aDotInsideANumberDoesNotOpen() {
        assertThat(opensAfterTyping("SELECT 12", '.')).isFalse();
    }

    @Test
    void theSecondLetterOfAWordOpensButTheFirstDoesNot() {
        assertThat(opensAfterTyping("SELECT * FROM c", 'u')).isTrue();
        assertThat(opensAfterTyping("SELECT * FROM ", 'c')).isFalse();
        assertThat(opensAfterTyping("SELECT * FROM cus", 't')).isTrue();
    }

    @Test
    void digitsSpacesAndPunctuationDoNotOpen() {
        assertThat(opensAfterTyping("SELECT 1", '2')).isFalse();
        assertThat(opensAfterTyping("SELECT a", ' ')).isFalse();
        assertThat(opensAfterTyping("SELECT a", ',')).isFalse();
    }

    @Test
    void pastesDeletionsAndReplacementsDoNotOpen() {
        assertThat(AutoPopup.opensAfter("SELECT cu", 9, "cu", "")).isFalse();
        assertThat(AutoPopup.opensAfter("SELECT c", 8, "", "u")).isFalse();
        assertThat(AutoPopup.opensAfter("SELECT cu", 9, "u", "x")).isFalse();
    }
}
