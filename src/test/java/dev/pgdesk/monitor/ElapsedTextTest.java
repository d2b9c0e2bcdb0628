package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElapsedTextTest {

    @Test
    void eachRangeIsCompactEnoughForATableColumn() {
        assertThat(ElapsedText.of(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(ElapsedText.of(Duration.ofMillis(12_345))).isEqualTo("12 s");
        assertThat(ElapsedText.of(Duration.ofSeconds(245))).isEqualTo("4:05");
        assertThat(ElapsedText.of(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
        assertThat(ElapsedText.of(Duration.ofHours(76))).isEqualTo("76:00:00");
    }

    @Test
    void nothingAndNegativeDurationsReadPlainly() {
        assertThat(ElapsedText.of(null)).isEmpty();
        assertThat(ElapsedText.of(Duration.ofSeconds(-2))).isEqualTo("0 ms");
    }
}
