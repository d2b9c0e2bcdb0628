package dev.pgdesk.cli;

import dev.pgdesk.export.ResultExporter.RowSource;
import dev.pgdesk.export.ValueText;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.CancellationToken;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes rows as an aligned text table like psql's: a header, a rule, one line per row, numbers
 * right-aligned, and the row count. It streams: column widths come from the header and the first {@value
 * #SAMPLE} rows, and a longer value later just pushes its line out. NULL is empty; a line break inside a
 * value shows as {@code \n}, so each row stays on one line. Widths are counted in terminal columns, as psql counts
 * them ({@link DisplayWidth}): a Japanese character takes two, a combining accent none.
 */
final class TableWriter {
    static final int SAMPLE = 1000;
    private static final Set<String> NUMERIC_TYPES =
            Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "oid", "money");

    private TableWriter() {}

    /** Writes the table; returns the number of rows. */
    static long write(List<Column> columns, RowSource rows, PrintStream out, CancellationToken token)
            throws IOException, SQLException {
        List<String> types = columns.stream().map(Column::typeName).toList();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = DisplayWidth.of(columns.get(c).name());
        }
        List<String[]> first = cells(types, rows.next(SAMPLE));
        for (String[] row : first) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], DisplayWidth.of(row[c]));
            }
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String name = columns.get(c).name();
            int nameWidth = DisplayWidth.of(name);
            int left = (widths[c] - nameWidth) / 2;
            header.append(c == 0 ? " " : " | ")
                    .append(" ".repeat(left))
                    .append(name)
                    .append(" ".repeat(widths[c] - nameWidth - left));
            rule.append(c == 0 ? "-" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.append('-'));
        long count = 0;
        for (List<String[]> batch = first; !batch.isEmpty(); batch = cells(types, next(rows, token))) {
            for (String[] row : batch) {
                out.println(line(types, widths, row));
            }
            count += batch.size();
        }
        out.println(count == 1 ? "(1 row)" : "(" + count + " rows)");
        out.println();
        out.flush();
        return count;
    }

    private static List<Object[]> next(RowSource rows, CancellationToken token) throws SQLException {
        token.throwIfCancelled();
        return rows.next(SAMPLE);
    }

    private static String line(List<String> types, int[] widths, String[] row) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            String cell = row[c];
            String pad = " ".repeat(Math.max(0, widths[c] - DisplayWidth.of(cell)));
            line.append(c == 0 ? " " : " | ");
            line.append(NUMERIC_TYPES.contains(types.get(c)) ? pad + cell : cell + pad);
        }
        return line.toString().stripTrailing();
    }

    private static List<String[]> cells(List<String> types, List<Object[]> rows) throws IOException {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String[] texts = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                String text = ValueText.of(types.get(c), row[c]);
                texts[c] = text == null ? "" : text.replace("\r", "\\r").replace("\n", "\\n");
            }
            cells.add(texts);
        }
        return cells;
    }
}
