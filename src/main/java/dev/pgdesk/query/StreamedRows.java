package dev.pgdesk.query;

import java.time.Duration;
import java.util.List;

/**
 * A result too big for one batch: its first rows, and the open cursor the rest streams from. Whoever
 * receives it owns the cursor and must close it (which releases the connection it may hold); results that
 * fit in the first batch come as a {@link RowsResult} instead, with the cursor already closed.
 *
 * @param duration time to open the cursor and read the first rows
 */
public record StreamedRows(
        List<Column> columns, List<Object[]> firstRows, RowCursor cursor, List<Notice> notices, Duration duration)
        implements StatementResult {
    public StreamedRows {
        columns = List.copyOf(columns);
        firstRows = List.copyOf(firstRows);
        notices = List.copyOf(notices);
    }
}
