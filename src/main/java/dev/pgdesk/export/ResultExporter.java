package dev.pgdesk.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes the whole result of a {@link RowCursor} as JSON (an array of objects), JSON Lines or CSV, batch by
 * batch as the server sends it, so an export of any size needs only one fetch batch of memory. JSON goes
 * through Jackson's streaming generator with {@code row_to_json}'s mapping ({@link JsonValueWriter}, {@link
 * RowToJson}); CSV is what the server's {@code COPY ... (FORMAT csv, HEADER)} writes ({@link CsvCells}).
 *
 * <p>{@link #export} writes a file as {@link OutputTarget} describes: checked first, then atomically (to a
 * temporary file beside the target, moved into place only when everything was written; a device such as
 * {@code /dev/stdout} directly). A failure or a cancel deletes the temporary file and leaves whatever was
 * under the target name (usually nothing) untouched. A JSON array is closed only when every row was
 * written. Progress is reported at most every {@value
 * #PROGRESS_INTERVAL_MILLIS} ms, and once at the end.
 */
public final class ResultExporter {
    /** Rows taken from the cursor at a time; the cursor's fetch size bounds what is held in memory. */
    private static final int BATCH = 1000;
    /** Reporting more often would only cost time; a progress bar cannot show it. */
    static final long PROGRESS_INTERVAL_MILLIS = 100;

    private ResultExporter() {}

    /** Where rows come from: {@code cursor::next}, or the rows of a finished result. */
    @FunctionalInterface
    public interface RowSource {
        /** The next rows, at most {@code maxRows}; an empty list when there are no more. */
        List<Object[]> next(int maxRows) throws SQLException;

        /** The rows of a result already in memory, handed out once. */
        static RowSource of(List<Object[]> rows) {
            int[] position = {0};
            return maxRows -> {
                int from = position[0];
                int to = Math.min(rows.size(), from + maxRows);
                position[0] = to;
                return rows.subList(from, to);
            };
        }
    }

    /**
     * Exports every remaining row of {@code cursor} to {@code target}, replacing it only on success. Does not
     * close the cursor.
     *
     * @param progress called with rows, bytes and elapsed time at most every 100 ms and once at the end
     * @return the finished export's rows, bytes and time
     * @throws CancelledException {@code token} was cancelled; no file was written under the target name
     * @throws SQLException reading from the server failed (also a server-side cancel or timeout)
     * @throws IOException writing the file failed
     */
    public static ExportProgress export(
            RowCursor cursor,
            Path target,
            ExportOptions options,
            Consumer<ExportProgress> progress,
            CancellationToken token)
            throws IOException, SQLException {
        return export(cursor.columns(), cursor::next, target, options, progress, token);
    }

    /** Like {@link #export(RowCursor, Path, ExportOptions, Consumer, CancellationToken)}, from any rows. */
    public static ExportProgress export(
            List<Column> columns,
            RowSource rows,
            Path target,
            ExportOptions options,
            Consumer<ExportProgress> progress,
            CancellationToken token)
            throws IOException, SQLException {
        OutputTarget checked = OutputTarget.check(target);
        try (OutputTarget.Writing file = checked.open()) {
            ExportProgress done = write(columns, rows, file.stream(), options, progress, token);
            file.commit();
            return done;
        }
    }

    /**
     * Writes every remaining row of {@code cursor} to {@code out} (standard output, say), flushing but not
     * closing it. Same progress and cancel as {@link #export}, without the atomic file.
     */
    public static ExportProgress write(
            RowCursor cursor,
            OutputStream out,
            ExportOptions options,
            Consumer<ExportProgress> progress,
            CancellationToken token)
            throws IOException, SQLException {
        return write(cursor.columns(), cursor::next, out, options, progress, token);
    }

    /** Like {@link #write(RowCursor, OutputStream, ExportOptions, Consumer, CancellationToken)}, from any rows. */
    public static ExportProgress write(
            List<Column> columns,
            RowSource rows,
            OutputStream out,
            ExportOptions options,
            Consumer<ExportProgress> progress,
            CancellationToken token)
            throws IOException, SQLException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(token, "token");
        CountingStream counted = new CountingStream(out);
        OutputStream buffered = new BufferedOutputStream(counted, 1 << 16);
        Reporter reporter = new Reporter(counted, progress);
        if (options.format() == ExportFormat.CSV) {
            writeCsv(columns, rows, buffered, options, reporter, token);
        } else {
            writeJson(columns, rows, buffered, options, reporter, token);
        }
        buffered.flush();
        return reporter.finish();
    }

    private static void writeJson(
            List<Column> columns,
            RowSource cursor,
            OutputStream out,
            ExportOptions options,
            Reporter reporter,
            CancellationToken token)
            throws IOException, SQLException {
        JsonValueWriter rows = new JsonValueWriter(
                columns, JsonValueWriter.Options.EXPORT.withNumericAsString(options.numericAsString()));
        boolean lines = options.format() == ExportFormat.JSONL;
        // Without AUTO_CLOSE_JSON_CONTENT a failure (a server error, a cancel, a timeout) leaves the array
        // open, so the output never parses as a complete result.
        try (JsonGenerator json = JsonValueWriter.jsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
                .createGenerator(out, JsonEncoding.UTF8)) {
            if (lines) {
                json.setRootValueSeparator(new SerializedString(""));
            } else if (options.pretty()) {
                json.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            if (!lines) {
                json.writeStartArray();
            }
            for (List<Object[]> batch = next(cursor, token); !batch.isEmpty(); batch = next(cursor, token)) {
                for (Object[] row : batch) {
                    rows.writeRow(json, row);
                    if (lines) {
                        json.writeRaw('\n');
                    }
                }
                reporter.rows(batch.size());
            }
            if (!lines) {
                json.writeEndArray();
                json.writeRaw('\n');
            }
        }
    }

    private static void writeCsv(
            List<Column> columns,
            RowSource cursor,
            OutputStream out,
            ExportOptions options,
            Reporter reporter,
            CancellationToken token)
            throws IOException, SQLException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvCells csv = new CsvCells(text, options.csvDelimiter());
        csv.writeRecord(columns.stream().map(Column::name).toList());
        List<String> types = columns.stream().map(Column::typeName).toList();
        for (List<Object[]> batch = next(cursor, token); !batch.isEmpty(); batch = next(cursor, token)) {
            for (Object[] row : batch) {
                csv.writeRow(types, row);
            }
            reporter.rows(batch.size());
        }
        text.flush();
    }

    private static List<Object[]> next(RowSource cursor, CancellationToken token) throws SQLException {
        token.throwIfCancelled();
        try {
            return cursor.next(BATCH);
        } catch (SQLException e) {
            // The token's cancel reaches the server as an error; the caller asked for it, so say that.
            token.throwIfCancelled();
            throw e;
        }
    }

    /** Counts the bytes that reach the destination. */
    private static final class CountingStream extends FilterOutputStream {
        private volatile long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        long count() {
            return count;
        }
    }

    /** Reports progress no more often than every 100 ms. */
    private static final class Reporter {
        private final CountingStream bytes;
        private final Consumer<ExportProgress> listener;
        private final long started = System.nanoTime();
        private long lastReport = started;
        private long rows;

        Reporter(CountingStream bytes, Consumer<ExportProgress> listener) {
            this.bytes = bytes;
            this.listener = listener;
        }

        void rows(int added) {
            rows += added;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_INTERVAL_MILLIS * 1_000_000) {
                lastReport = now;
                listener.accept(snapshot(now));
            }
        }

        ExportProgress finish() {
            ExportProgress done = snapshot(System.nanoTime());
            listener.accept(done);
            return done;
        }

        private ExportProgress snapshot(long now) {
            return new ExportProgress(rows, bytes.count(), Duration.ofNanos(now - started));
        }
    }
}
