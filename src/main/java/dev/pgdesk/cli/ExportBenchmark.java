package dev.pgdesk.cli;

import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.export.ExportProgress;
import dev.pgdesk.export.ResultExporter;
import dev.pgdesk.grid.RowBuffer;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.pool.Transaction;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.task.CancellationToken;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurements of {@code pgdesk bench}, each taken in the same run on the same table: JSON export
 * against a plain pgjdbc loop that reads every column as a string (both streaming with the same fetch
 * size), the peak heap during the export, and the time to the first rows of a large query.
 */
final class ExportBenchmark {
    static final String TABLE = "pgdesk_bench";
    private static final int FETCH_SIZE = 1000;
    private static final String SELECT = "SELECT * FROM " + TABLE;

    private final PooledSession pool;
    private final PrintStream out;
    private final PrintStream err;

    ExportBenchmark(PooledSession pool, PrintStream out, PrintStream err) {
        this.pool = pool;
        this.out = out;
        this.err = err;
    }

    void run(long rows) throws SQLException, IOException, InterruptedException {
        prepare(rows);
        Path directory = Files.createTempDirectory("pgdesk-bench");
        Path file = directory.resolve("bench.json");
        try {
            err.println("pgdesk bench: warming up");
            baseline(SELECT + " LIMIT 100000");
            export(SELECT + " LIMIT 100000", file);

            err.println("pgdesk bench: baseline (pgjdbc getString loop)");
            Result baseline = baseline(SELECT);
            err.println("pgdesk bench: JSON export");
            Result export = export(SELECT, file);

            out.printf(
                    Locale.ROOT,
                    "rows                      %,d (int, bigint, numeric, text, timestamptz,"
                            + " boolean, jsonb, uuid)%n",
                    rows);
            out.printf(Locale.ROOT, "baseline getString loop   %s%n", baseline.describe());
            out.printf(Locale.ROOT, "JSON export to file       %s%n", export.describe());
            out.printf(
                    Locale.ROOT,
                    "export / baseline time    %.2fx (target: at most 1.3x)%n",
                    export.seconds() / baseline.seconds());
            out.printf(
                    Locale.ROOT,
                    "peak heap during export   %.1f MB used (of a %.0f MB maximum heap; target: under 256 MB)%n",
                    export.peakHeapBytes() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            long firstRowsRows = rows * 10;
            out.printf(
                    Locale.ROOT,
                    "first 100 rows of %,d    %.1f ms from the server, what the grid shows first"
                            + " (target: under 200 ms)%n",
                    firstRowsRows,
                    firstRows(SELECT + " CROSS JOIN generate_series(1, 10) AS copy") * 1000);
            GridMemory grid = gridMemory(Math.min(rows, 1_000_000));
            out.printf(
                    Locale.ROOT,
                    "grid memory per row       %.0f bytes measured, %.0f estimated by the grid (%,d rows x 8 columns"
                            + " loaded into the grid's row buffer: %.1f MB)%n",
                    grid.measuredBytesPerRow(),
                    grid.estimatedBytesPerRow(),
                    grid.rows(),
                    grid.measuredBytesPerRow() * grid.rows() / 1e6);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
            pool.execute(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + TABLE);
                }
                return null;
            });
        }
    }

    /**
     * Creates the table with {@code rows} rows of mixed types (reusing one a interrupted run left behind);
     * it is dropped at the end so the sample database stays as it was.
     */
    private void prepare(long rows) throws SQLException {
        pool.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet existing = statement.executeQuery("SELECT obj_description(c.oid, 'pg_class') = '" + rows
                        + "' FROM pg_class c WHERE c.oid = to_regclass('" + TABLE + "')")) {
                    if (existing.next() && existing.getBoolean(1)) {
                        return null;
                    }
                }
                err.printf(Locale.ROOT, "pgdesk bench: creating %,d rows in %s%n", rows, TABLE);
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE UNLOGGED TABLE " + TABLE + " AS SELECT g::int AS id,"
                        + " g::bigint * 1000003 AS big, (g * 0.01)::numeric(14,2) AS price,"
                        + " md5(g::text) AS label, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' AS at,"
                        + " g % 2 = 0 AS flag, jsonb_build_object('n', g, 'tag', 'x' || (g % 100), 'ok', g % 3 = 0)"
                        + " AS doc, md5(g::text)::uuid AS uid FROM generate_series(1, " + rows + ") g");
                statement.execute("COMMENT ON TABLE " + TABLE + " IS '" + rows + "'");
                statement.execute("VACUUM ANALYZE " + TABLE);
            }
            return null;
        });
    }

    /** Every column of every row read with getString, streaming, as a plain JDBC program would. */
    private Result baseline(String sql) throws SQLException {
        long started = System.nanoTime();
        long[] counts = new long[2];
        try (Transaction transaction = pool.begin()) {
            transaction.execute(connection -> {
                readAsStrings(connection, sql, counts);
                return null;
            });
        }
        return new Result(counts[0], counts[1], System.nanoTime() - started, 0);
    }

    private static void readAsStrings(Connection connection, String sql, long[] counts) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = result.getString(i);
                        counts[1] += value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
                    }
                    counts[0]++;
                }
            }
        }
    }

    /** The JSON export through the cursor, with a thread sampling the heap every 5 ms. */
    private Result export(String sql, Path file) throws SQLException, IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (running.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "pgdesk-bench-heap");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        ExportProgress done;
        QuerySession session = new QuerySession(pool);
        try (RowCursor cursor =
                session.openCursor(BoundStatement.of(sql), FETCH_SIZE, Duration.ZERO, new CancellationToken())) {
            done = ResultExporter.export(
                    cursor, file, ExportOptions.of(ExportFormat.JSON), progress -> {}, new CancellationToken());
        } finally {
            running.set(false);
            sampler.join();
            session.close();
        }
        return new Result(done.rows(), done.bytes(), System.nanoTime() - started, peak.get());
    }

    /** Seconds from sending the query to holding its first 100 rows. */
    private double firstRows(String sql) throws SQLException {
        QuerySession session = new QuerySession(pool);
        long started = System.nanoTime();
        try (RowCursor cursor =
                session.openCursor(BoundStatement.of(sql), FETCH_SIZE, Duration.ZERO, new CancellationToken())) {
            cursor.next(100);
            return (System.nanoTime() - started) / 1e9;
        } finally {
            session.close();
        }
    }

    /**
     * Loads up to {@code wanted} rows through a cursor into the grid's row buffer, as the result grid does, and
     * measures the heap they take. Stops early when the buffer would crowd the heap, so the figure is per row
     * over the rows that fit.
     */
    private GridMemory gridMemory(long wanted) throws SQLException, InterruptedException {
        err.println("pgdesk bench: grid memory");
        long budget = (long) (Runtime.getRuntime().maxMemory() * 0.4);
        QuerySession session = new QuerySession(pool);
        long before = usedAfterGc();
        RowBuffer buffer;
        try (RowCursor cursor = session.openCursor(
                BoundStatement.of(SELECT + " LIMIT " + wanted), FETCH_SIZE, Duration.ZERO, new CancellationToken())) {
            buffer = new RowBuffer(cursor.columns());
            for (List<Object[]> batch = cursor.next(FETCH_SIZE);
                    !batch.isEmpty() && buffer.approximateBytes() < budget;
                    batch = cursor.next(FETCH_SIZE)) {
                buffer.append(batch);
            }
        } finally {
            session.close();
        }
        long used = usedAfterGc() - before;
        int loaded = buffer.size();
        double estimated = buffer.approximateBytes() / (double) loaded;
        return new GridMemory(loaded, used / (double) loaded, estimated);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private record GridMemory(int rows, double measuredBytesPerRow, double estimatedBytesPerRow) {}

    private record Result(long rows, long bytes, long nanos, long peakHeapBytes) {
        double seconds() {
            return nanos / 1e9;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,.0f rows/s, %.1f MB/s (%,d rows, %.1f MB in %.2f s)",
                    rows / seconds(),
                    bytes / 1e6 / seconds(),
                    rows,
                    bytes / 1e6,
                    seconds());
        }
    }
}
