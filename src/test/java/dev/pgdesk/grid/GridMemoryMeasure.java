package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.util.PGobject;

/**
 * Measures the heap a {@link RowBuffer} takes per loaded row for 1,000,000 rows of 8 mixed columns, with
 * values of the classes pgjdbc's {@code getObject} returns (a fresh object per value, as the driver makes).
 * Not a test: run it by hand, e.g. {@code java -Xmx2g -cp ... dev.pgdesk.grid.GridMemoryMeasure}.
 */
public final class GridMemoryMeasure {
    private static final int ROWS = 1_000_000;
    private static final int BATCH = 1_000;
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "int4"),
            new Column("big", "int8"),
            new Column("amount", "numeric"),
            new Column("name", "text"),
            new Column("created_at", "timestamptz"),
            new Column("active", "bool"),
            new Column("payload", "jsonb"),
            new Column("token", "uuid"));
    private static final String JSONB = "jsonb";

    private GridMemoryMeasure() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int run = 1; run <= runs; run++) {
            long before = usedAfterGc();
            RowBuffer buffer = new RowBuffer(COLUMNS);
            for (int start = 0; start < ROWS; start += BATCH) {
                buffer.append(batch(start));
            }
            long after = usedAfterGc();
            double perRow = (after - before) / (double) buffer.size();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %,d rows, measured %.1f bytes/row (%,d MB), estimated %.1f bytes/row (%,d MB)%n",
                    run,
                    buffer.size(),
                    perRow,
                    (after - before) >> 20,
                    buffer.approximateBytes() / (double) buffer.size(),
                    buffer.approximateBytes() >> 20);
            if (run == runs) {
                timeViewOperations(buffer);
            }
        }
    }

    /** How long sorting and filtering all loaded rows take: they run on the UI thread. */
    private static void timeViewOperations(RowBuffer buffer) {
        RowView view = new RowView(buffer);
        long start = System.nanoTime();
        view.sortBy(2, true);
        long sorted = System.nanoTime();
        view.filter("name 99999");
        long filtered = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "sort by numeric: %d ms; filter (%d matches): %d ms%n",
                (sorted - start) / 1_000_000,
                view.size(),
                (filtered - sorted) / 1_000_000);
    }

    private static List<Object[]> batch(int start) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (int i = start; i < start + BATCH; i++) {
            PGobject payload = new PGobject();
            payload.setType(JSONB);
            payload.setValue("{\"id\": " + i + ", \"tags\": [\"a\", \"b\"], \"ok\": true}");
            rows.add(new Object[] {
                i, // pgjdbc: Integer.valueOf, cached only for -128..127
                (long) i * 1_000_003L,
                new BigDecimal(random.nextLong(1, 100_000_000) + "." + random.nextInt(10, 100)),
                "customer name " + i,
                new Timestamp(1_700_000_000_000L + i * 1_000L),
                random.nextBoolean(),
                payload,
                new UUID(random.nextLong(), random.nextLong())
            });
        }
        return rows;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
