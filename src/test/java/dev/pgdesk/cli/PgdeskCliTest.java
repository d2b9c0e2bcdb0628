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
    void theOverviewGivesEveryCommandOneLineAndEachCommandsHelpPrintsItsUsageOnStdout() {
        PgdeskCli cli = new PgdeskCli();

        assertThat(run(InputStream.nullInputStream(), "--help")).isEqualTo(ExitCodes.OK);
        List<String> listed = out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.matches("  [a-z-]+ +\\S.*"))
                .map(line -> line.strip().split(" +", 2)[0])
                .toList();
        assertThat(listed).isEqualTo(cli.commandNames());

        for (String command : cli.commandNames()) {
            for (String help : List.of("--help", "-h")) {
                out.reset();
                err.reset();

                int status = run(InputStream.nullInputStream(), command, help);

                assertThat(status).as(command + " " + help).isEqualTo(ExitCodes.OK);
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .as(command + " " + help)
                        .startsWith("Usage: pgdesk " + command);
                assertThat(err.toString(StandardCharsets.UTF_8)).as(command).isEmpty();
            }
        }
    }

    @Test
    void anUnknownCommandIsABadArgumentPointingToTheList() {
        assertThat(run(InputStream.nullInputStream(), "frobnicate")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("pgdesk: unknown command 'frobnicate'. Run 'pgdesk --help' for the list.\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
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
