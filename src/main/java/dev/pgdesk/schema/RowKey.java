package dev.pgdesk.schema;

import java.util.List;

/**
 * The columns that identify one row, for UPDATE and DELETE templates.
 *
 * @param constraint the name of the primary key or unique constraint
 * @param columns its columns in key order
 * @param primary whether it is the primary key (otherwise a unique constraint over NOT NULL columns)
 */
public record RowKey(String constraint, List<String> columns, boolean primary) {

    /** Copies the list. */
    public RowKey {
        columns = List.copyOf(columns);
    }
}
