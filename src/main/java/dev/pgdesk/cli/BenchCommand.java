package dev.pgdesk.cli;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.localdb.RunningSample;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code pgdesk bench}: the export benchmark of the README, on the local sample server. */
final class BenchCommand implements CliCommand {
    static final String ROWS = "--rows";
    private static final long DEFAULT_ROWS = 1_000_000;

    /** Where the sample server's files live; read only when the benchmark runs. */
    private final Supplier<Path> sampleDirectory;

    /** The benchmark as {@code pgdesk} runs it: on the user's own sample server, as the window starts it. */
    BenchCommand() {
        this(() -> SampleDatabase.defaultDataDirectory(
                AppDirectories.forCurrentUser().dataDir()));
    }

    /** @param sampleDirectory a sample server of its own (tests, so that they never share the user's) */
    BenchCommand(Supplier<Path> sampleDirectory) {
        this.sampleDirectory = sampleDirectory;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Measure JSON export speed and memory against a plain JDBC loop";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk bench [--rows N]

                Starts the local sample server (as the GUI's "Sample database" does), creates a
                table of N rows (default 1000000) of int, bigint, numeric, text, timestamptz,
                boolean, jsonb and uuid (dropped at the end), and prints, measured in this run:
                  - a plain pgjdbc loop reading every column as a string: rows/s and MB/s
                  - the JSON export of the same rows to a file: rows/s and MB/s
                  - the ratio of the export's time to the loop's
                  - the peak heap used during the export (sampled every 5 ms)
                  - the time to the first 100 rows of a query of 10 x N rows
                Run it in a bounded heap to check the memory figure, e.g.
                  PGDESK_JAVA_OPTS=-Xmx256m target/pgdesk bench --rows 5000000
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long rows;
        try {
            CliArguments arguments = CliArguments.parse(args, Set.of(), Set.of(ROWS));
            if (!arguments.positionals().isEmpty()) {
                throw new CliUsageException("bench takes no target; it runs on the local sample server");
            }
            rows = rows(arguments);
        } catch (CliUsageException e) {
            err.println("pgdesk bench: " + e.getMessage());
            err.println("Run 'pgdesk bench --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        }
        try (RunningSample sample = SampleDatabase.attachOrStart(
                        sampleDirectory.get(), message -> err.println("pgdesk bench: " + message));
                PoolManager pools = new PoolManager()) {
            PooledSession pool = pools.open(sample.profile(), sample.password());
            new ExportBenchmark(pool, out, err).run(rows);
        }
        return ExitCodes.OK;
    }

    private static long rows(CliArguments arguments) throws CliUsageException {
        if (arguments.value(ROWS).isEmpty()) {
            return DEFAULT_ROWS;
        }
        String text = arguments.value(ROWS).get().strip().replace("_", "");
        try {
            long rows = Long.parseLong(text);
            if (rows < 1) {
                throw new NumberFormatException();
            }
            return rows;
        } catch (NumberFormatException e) {
            throw new CliUsageException("--rows must be a positive whole number, not '" + text + "'");
        }
    }
}
