package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgdeskCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(InputStream in, String... args) {
        return new PgdeskCli()
                .run(
                        List.of(args),
                        in,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void queryIsListedWithTheOtherCommands() {
        assertThat(run(InputStream.nullInputStream(), "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("conninfo", "test-connection", "query");
    }

    @Test
    void queryHelpShowsItsUsage() {
        assertThat(run(InputStream.nullInputStream(), "query", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: pgdesk query <target>");
    }

    @Test
    void standardInputReachesTheQueryCommand() {
        // Only comments on stdin: the command reads them, finds no statement and never connects.
        InputStream in = new ByteArrayInputStream("-- nothing to run\n".getBytes(StandardCharsets.UTF_8));

        int status = run(in, "query", "postgresql://nobody@127.0.0.1:1/none");

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("standard input holds no SQL statement; nothing was run");
    }

    @Test
    void versionPrintsTheApplicationVersionAndSucceeds() {
        assertThat(run(InputStream.nullInputStream(), "--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("pgdesk " + PgdeskCli.version() + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
