package dev.pgdesk.query;

import java.time.Duration;
import java.util.List;

/**
 * Rows of a query, at most the session's row cap; {@code truncated} says more rows existed. Values are
 * as pgjdbc returns them ({@code getObject}).
 */
public record RowsResult(
        List<Column> columns, List<Object[]> rows, boolean truncated, List<Notice> notices, Duration duration)
        implements StatementResult {
    public RowsResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
    }
}
