package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages on stderr as a user reads them, from the real command in its own JVM. */
class MessagesProcessTest {
    @TempDir
    Path home;

    @Test
    void aTimeoutOfAlmostNothingIsAcceptedAndEverySentenceEndsWithAFullStop() throws Exception {
        // Nothing connects: the statement is refused before, so no server is needed.
        CliRun.Result result = new CliRun(home)
                .run(
                        "query",
                        "postgresql://nobody@localhost:1/none",
                        "--timeout",
                        "1e-999999999",
                        "--sql",
                        "SELECT $1, :name");

        assertThat(result.status()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(result.stderr())
                .isEqualTo("pgdesk query: use either $1-style or :name-style parameters in one statement, not both."
                        + " Nothing was run.\n")
                .doesNotContain("BigInteger");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void noLibraryLogLineAppearsOnAFailedConnection() throws Exception {
        CliRun.Result result =
                new CliRun(home).run("query", "postgresql://nobody@localhost:1/none", "--sql", "SELECT 1");

        assertThat(result.status()).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(result.stderr().lines())
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain("com.zaxxer")
                        .doesNotContain("HikariPool")
                        .doesNotMatch("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
        assertThat(result.stderr()).startsWith("pgdesk query: could not connect to nobody@localhost:1/none");
    }
}
