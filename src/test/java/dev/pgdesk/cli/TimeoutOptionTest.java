package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutOptionTest {
    @Test
    void anyPositiveTimeoutBelowAMillisecondIsOneMillisecondAtOnce() throws Exception {
        assertThat(TimeoutOption.parse(Optional.of("1e-999999999"))).isEqualTo(Duration.ofMillis(1));
        assertThat(TimeoutOption.parse(Optional.of("0.0000001"))).isEqualTo(Duration.ofMillis(1));
        assertThat(TimeoutOption.parse(Optional.of("0.0015"))).isEqualTo(Duration.ofMillis(2));
        assertThat(TimeoutOption.parse(Optional.of("0e-999999999"))).isEqualTo(Duration.ZERO);
        assertThat(TimeoutOption.parse(Optional.of("2.5"))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void hugeOrMalformedNumbersGetTheOptionsOwnMessage() {
        assertThatThrownBy(() -> TimeoutOption.parse(Optional.of("1e999999999")))
                .isInstanceOf(CliUsageException.class)
                .hasMessage("--timeout must be between 0 (no limit) and 2147483 seconds, not 1e999999999");
        assertThatThrownBy(() -> TimeoutOption.parse(Optional.of("1e-9999999999")))
                .isInstanceOf(CliUsageException.class)
                .hasMessage("--timeout '1e-9999999999' is not a number of seconds (0 for no limit)");
    }

    @Test
    void aMessageEndsAsASentenceBeforeTheNextOne() {
        assertThat(CommandMessages.sentence("give one, not both")).isEqualTo("give one, not both.");
        assertThat(CommandMessages.sentence("Already one.")).isEqualTo("Already one.");
        assertThat(CommandMessages.sentence("a question?")).isEqualTo("a question?");
    }
}
