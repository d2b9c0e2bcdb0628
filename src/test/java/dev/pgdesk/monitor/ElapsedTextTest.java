package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElapsedTextTest {

    @Test
    void eachRangeShowsItsTwoLargestUnits() {
        assertThat(ElapsedText.of(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(ElapsedText.of(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(ElapsedText.of(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
        assertThat(ElapsedText.of(Duration.ofMinutes(123))).isEqualTo("2 h 03 min");
        assertThat(ElapsedText.of(Duration.ofHours(76))).isEqualTo("3 d 04 h");
    }

    @Test
    void nothingAndNegativeDurationsReadPlainly() {
        assertThat(ElapsedText.of(null)).isEmpty();
        assertThat(ElapsedText.of(Duration.ofSeconds(-2))).isEqualTo("0.0 s");
    }
}
