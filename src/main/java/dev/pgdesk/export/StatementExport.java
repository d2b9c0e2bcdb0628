package dev.pgdesk.export;

import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StreamedRows;
import dev.pgdesk.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Exports the whole result of a statement the editor ran: a reading statement runs again through a
 * server-side cursor and streams to the file, so every row is written whatever was loaded on screen; the
 * rows a write returned (INSERT ... RETURNING) are written as they were kept, since running it again would
 * write again.
 */
public final class StatementExport {
    private static final int BATCH = 1000;

    private StatementExport() {}

    /**
     * @throws IllegalArgumentException the statement returned no rows
     * @throws dev.pgdesk.task.CancelledException cancelled; nothing was written under {@code target}
     */
    public static ExportProgress export(
            QuerySession session,
            StatementOutcome outcome,
            Path target,
            ExportOptions options,
            Duration timeout,
            CancellationToken token,
            Consumer<ExportProgress> progress)
            throws IOException, SQLException {
        boolean rows = outcome.result() instanceof RowsResult || outcome.result() instanceof StreamedRows;
        if (!rows) {
            throw new IllegalArgumentException("Statement " + (outcome.index() + 1) + " returned no rows to export.");
        }
        // A target that cannot be written (a directory, a read-only file) is refused before the statement
        // runs again, naming the target.
        OutputTarget.check(target);
        if (!RowCursor.canStream(outcome.statement().text())) {
            RowsResult kept = (RowsResult) outcome.result();
            return ResultExporter.export(
                    kept.columns(), ResultExporter.RowSource.of(kept.rows()), target, options, progress, token);
        }
        try (RowCursor cursor = session.openCursor(outcome.bound(), BATCH, timeout, token)) {
            return ResultExporter.export(cursor, target, options, progress, token);
        }
    }

    /** "1,234,567 rows · 250.1 MB · 550,000 rows/s", for progress and the final report. */
    public static String describe(ExportProgress progress) {
        return String.format(
                Locale.ROOT,
                "%,d rows · %.1f MB · %,d rows/s",
                progress.rows(),
                progress.bytes() / 1_000_000.0,
                Math.round(progress.rowsPerSecond()));
    }
}
