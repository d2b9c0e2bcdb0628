package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.query.StreamedRows;
import java.util.List;

/**
 * A streamed result as a grid reads it: the rows the run already fetched first, then the rest from the
 * server-side cursor as the user scrolls. Closing closes the cursor, which releases its connection.
 */
public final class StreamedRowSource implements RowSource {
    private final List<Column> columns;
    private final List<Object[]> firstRows;
    private final RowCursor cursor;
    private int handedOut;
    private boolean closed;

    public StreamedRowSource(StreamedRows result) {
        this.columns = result.columns();
        this.firstRows = result.firstRows();
        this.cursor = result.cursor();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public synchronized List<Object[]> next(int maxRows) throws Exception {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        if (closed) {
            return List.of();
        }
        if (handedOut < firstRows.size()) {
            int end = Math.min(firstRows.size(), handedOut + maxRows);
            List<Object[]> batch = firstRows.subList(handedOut, end);
            handedOut = end;
            return batch;
        }
        return cursor.next(maxRows);
    }

    @Override
    public synchronized boolean exhausted() {
        return closed || (handedOut >= firstRows.size() && cursor.exhausted());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            cursor.close();
        }
    }
}
