package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import java.util.List;

/**
 * Where a result grid pulls its rows from, one batch at a time: a server-side cursor, or rows already in
 * memory. Calls come from one thread at a time (the grid never asks for two batches at once), but not
 * necessarily always the same thread.
 */
public interface RowSource extends AutoCloseable {

    /** The result's columns, known before the first row. */
    List<Column> columns();

    /**
     * Up to {@code maxRows} further rows, each one value per column as pgjdbc returns them; an empty list
     * once the result is exhausted.
     */
    List<Object[]> next(int maxRows) throws Exception;

    /** True once every row has been handed out by {@link #next}. */
    boolean exhausted();

    /** Releases the source (a cursor, its connection); later calls to {@link #next} return nothing. */
    @Override
    void close();
}
