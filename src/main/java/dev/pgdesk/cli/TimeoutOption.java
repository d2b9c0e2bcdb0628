package dev.pgdesk.cli;

import dev.pgdesk.query.QuerySession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/** The {@code --timeout SECONDS} option of commands that run statements: decimal seconds, 0 for no limit. */
final class TimeoutOption {
    static final String NAME = "--timeout";
    /** PostgreSQL's statement_timeout is an int of milliseconds. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE / 1000;

    private static final BigDecimal ONE_MILLISECOND = new BigDecimal("0.001");

    private TimeoutOption() {}

    /** The timeout given, or the editor's default when none was; rounded up to whole milliseconds. */
    static Duration parse(Optional<String> value) throws CliUsageException {
        if (value.isEmpty()) {
            return QuerySession.DEFAULT_TIMEOUT;
        }
        String text = value.get().strip();
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CliUsageException(NAME + " '" + text + "' is not a number of seconds (0 for no limit)");
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            throw new CliUsageException(
                    NAME + " must be between 0 (no limit) and " + MAX_SECONDS + " seconds, not " + text);
        }
        if (seconds.signum() > 0 && seconds.compareTo(ONE_MILLISECOND) < 0) {
            // Rounding 1e-999999999 up by setScale would first build a number with a billion digits.
            return Duration.ofMillis(1);
        }
        return Duration.ofMillis(
                seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
    }
}
