package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pgdesk bench}'s arguments, checked before any server starts. */
class BenchCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return new BenchCommand()
                .run(
                        List.of(args),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRowCountThatIsNotAPositiveNumberIsRefusedWithTheReason() throws Exception {
        assertThat(run("--rows", "many")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run("--rows", "0")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rows must be a positive whole number, not 'many'");
    }

    @Test
    void aTargetIsRefusedBecauseTheBenchmarkRunsOnTheLocalSampleServer() throws Exception {
        assertThat(run("postgresql://db/prod")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local sample server");
    }

    @Test
    void theCommandIsListedInTheOverview() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PgdeskCli().run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bench").contains("Measure JSON export speed");
    }
}
