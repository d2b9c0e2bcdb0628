package dev.pgdesk.cli;

import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.export.ExportProgress;
import dev.pgdesk.export.ResultExporter;
import dev.pgdesk.export.ResultExporter.RowSource;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementErrors;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pgdesk query --format/--output}: streams the rows of each reading statement from a server-side
 * cursor straight to standard output or the file (no row cap, one fetch batch of memory), prints rows
 * returned by other statements ({@code INSERT ... RETURNING}, capped like the default output) in the same
 * format, and reports command results ({@code INSERT 3}) on stderr so they never mix with the data.
 */
final class FormattedResults {
    /** Rows per round trip to the server. */
    static final int FETCH_SIZE = 1000;

    private final OutputFormat format;
    private final Optional<Path> file;
    private final ExportOptions options;
    private final PrintStream out;
    private final CommandMessages messages;
    private final ServerDeadline deadline;

    /**
     * @param file where the rows go instead of stdout (written atomically); json, jsonl or csv only
     * @param deadline armed while a fetch waits for the server
     */
    FormattedResults(
            OutputFormat format,
            Optional<Path> file,
            char csvDelimiter,
            boolean numericAsString,
            boolean pretty,
            PrintStream out,
            CommandMessages messages,
            ServerDeadline deadline) {
        if (format == OutputFormat.DOCUMENTS) {
            throw new IllegalArgumentException("the documents format has its own printer");
        }
        this.format = format;
        this.file = file;
        this.options = format.export()
                .map(export -> new ExportOptions(export, csvDelimiter, numericAsString, pretty))
                .orElse(null);
        this.out = out;
        this.messages = messages;
        this.deadline = deadline;
    }

    /**
     * Runs a reading statement through a cursor and writes all its rows. Returns an empty rows result on
     * success (the rows are already written) or the failure.
     *
     * @throws UncheckedIOException writing to the output failed
     */
    StatementResult stream(QuerySession session, BoundStatement statement, Duration timeout, CancellationToken token) {
        long started = System.nanoTime();
        try {
            RowCursor cursor = awaitServer(() -> session.openCursor(statement, FETCH_SIZE, timeout, token));
            try {
                // Only the fetches wait for the server; writing to a slow reader never counts against it.
                RowSource rows = maxRows -> awaitServer(() -> cursor.next(maxRows));
                if (file.isPresent()) {
                    ExportProgress done =
                            ResultExporter.export(cursor.columns(), rows, file.get(), options, progress -> {}, token);
                    messages.info(String.format(
                            Locale.ROOT,
                            "wrote %d %s (%d bytes) to %s in %.1f s",
                            done.rows(),
                            done.rows() == 1 ? "row" : "rows",
                            done.bytes(),
                            file.get(),
                            done.elapsed().toMillis() / 1000.0));
                } else {
                    write(cursor.columns(), rows, token);
                }
                printNotices(cursor);
                return new RowsResult(
                        cursor.columns(),
                        List.of(),
                        false,
                        cursor.notices(),
                        Duration.ofNanos(System.nanoTime() - started));
            } finally {
                deadline.arm();
                try {
                    cursor.close();
                } finally {
                    deadline.disarm();
                }
            }
        } catch (SQLException e) {
            return StatementErrors.from(e, token.isCancelled(), timeout, statement);
        } catch (CancelledException e) {
            return new ServerError(
                    ServerError.QUERY_CANCELED, "canceled by the user", null, null, 0, List.of(), Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ServerCall<T> {
        T call() throws SQLException;
    }

    /** Runs a call that waits for the server under the deadline. */
    private <T> T awaitServer(ServerCall<T> call) throws SQLException {
        deadline.arm();
        try {
            return call.call();
        } finally {
            deadline.disarm();
        }
    }

    private void printNotices(RowCursor cursor) {
        cursor.notices().forEach(notice -> messages.err().println(notice.severity() + ":  " + notice.message()));
    }

    /** Rows of a statement that is not streamed (a RETURNING clause), in the chosen format on stdout. */
    void print(RowsResult rows, CancellationToken token) {
        try {
            write(rows.columns(), RowSource.of(rows.rows()), token);
        } catch (SQLException e) {
            // Rows already in memory are never read from the server.
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether rows go to a file rather than standard output. */
    boolean writesFile() {
        return file.isPresent();
    }

    /** A command's result as psql's tag on stderr: {@code INSERT 3}. */
    void print(UpdateResult update) {
        messages.err().println(update.command() + " " + update.rowsAffected());
    }

    private void write(List<Column> columns, RowSource rows, CancellationToken token) throws IOException, SQLException {
        // Standard output is checked as rows go out: a closed pipe or a full disk stops the stream at once
        // (the cursor is closed and nothing more is fetched) instead of reading the whole result for nobody.
        if (format == OutputFormat.TABLE) {
            TableWriter.write(columns, StandardOutput.checked(rows, out), out, token);
        } else {
            ResultExporter.write(columns, rows, StandardOutput.checked(out), options, progress -> {}, token);
        }
        StandardOutput.throwIfFailed(out);
    }
}
