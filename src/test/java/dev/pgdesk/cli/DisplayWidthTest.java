package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("日本語")).isEqualTo(6);
        assertThat(DisplayWidth.of("한국어")).isEqualTo(6);
        assertThat(DisplayWidth.of("ｆｕｌｌ")).isEqualTo(8);
        assertThat(DisplayWidth.of("カタカナ")).isEqualTo(8);
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
        assertThat(DisplayWidth.of("\u00e9")).isEqualTo(1);
        assertThat(DisplayWidth.of("\uD83D\uDE00"))
                .as("an emoji outside the BMP")
                .isEqualTo(2);
        assertThat(DisplayWidth.of("\uD840\uDC00")).as("CJK extension B").isEqualTo(2);
        assertThat(DisplayWidth.of("a\u200Bb")).isEqualTo(2);
        assertThat(DisplayWidth.of("ｱ")).as("halfwidth katakana").isEqualTo(1);
        assertThat(DisplayWidth.of("")).isZero();
    }
}
