package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The loaded rows as the grid shows them: filtered and sorted, as a permutation of row indexes into a
 * {@link RowBuffer}, so no row is copied. Rows appended to the buffer later join the view through {@link
 * #refresh}: at the end while unsorted, in place when sorted. Not thread-safe (the UI thread owns it).
 */
public final class RowView {
    private final RowBuffer buffer;
    private int[] order = new int[0];
    private int size;
    private int sortColumn = -1;
    private boolean ascending = true;
    private String filter = "";

    /** A view of every row of {@code buffer}, in load order. */
    public RowView(RowBuffer buffer) {
        this.buffer = buffer;
        refresh();
    }

    /** Rows shown. */
    public int size() {
        return size;
    }

    /** The buffer index of the row shown at {@code position}. */
    public int bufferIndex(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size + " rows");
        }
        return order[position];
    }

    /** The row shown at {@code position}. */
    public Object[] row(int position) {
        return buffer.row(bufferIndex(position));
    }

    /** The sorted column, or -1 for load order. */
    public int sortColumn() {
        return sortColumn;
    }

    public boolean ascending() {
        return ascending;
    }

    public String filter() {
        return filter;
    }

    /** Sorts by {@code column} (NULLs last either way); -1 returns to load order. */
    public void sortBy(int column, boolean ascending) {
        if (column < -1 || column >= buffer.columns().size()) {
            throw new IllegalArgumentException("column " + column + " is not one of the "
                    + buffer.columns().size() + " columns");
        }
        this.sortColumn = column;
        this.ascending = ascending;
        rebuild();
    }

    /** Shows only rows where some cell's display text contains {@code text}, ignoring case; "" shows all. */
    public void filter(String text) {
        this.filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        rebuild();
    }

    /**
     * Takes in rows appended to the buffer since the last call; returns true when rows were only added at
     * the end (the unsorted case), so a table can announce an addition instead of a reset.
     */
    public boolean refresh() {
        int known = knownRows;
        knownRows = buffer.size();
        if (sortColumn < 0) {
            ensureCapacity(size + (knownRows - known));
            for (int i = known; i < knownRows; i++) {
                if (matches(i)) {
                    order[size++] = i;
                }
            }
            return true;
        }
        rebuild();
        return false;
    }

    private int knownRows;

    private void rebuild() {
        knownRows = buffer.size();
        order = new int[knownRows];
        size = 0;
        for (int i = 0; i < knownRows; i++) {
            if (matches(i)) {
                order[size++] = i;
            }
        }
        if (sortColumn >= 0) {
            sort();
        }
    }

    private void sort() {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = order[i];
        }
        int column = sortColumn;
        Comparator<Object> values = ascending ? VALUE_ORDER : VALUE_ORDER.reversed();
        // Stable, so equal values keep load order; NULLs go last in both directions.
        Arrays.sort(boxed, (a, b) -> {
            Object x = buffer.value(a, column);
            Object y = buffer.value(b, column);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return values.compare(x, y);
        });
        for (int i = 0; i < size; i++) {
            order[i] = boxed[i];
        }
    }

    private boolean matches(int bufferIndex) {
        if (filter.isEmpty()) {
            return true;
        }
        Object[] row = buffer.row(bufferIndex);
        for (int c = 0; c < row.length; c++) {
            Column column = buffer.columns().get(c);
            String text = CellText.full(column.typeName(), row[c]);
            if (text != null && text.toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return false;
    }

    private void ensureCapacity(int capacity) {
        if (order.length < capacity) {
            order = Arrays.copyOf(order, Math.max(capacity, order.length * 2));
        }
    }

    /** Numbers by value whatever their class, other comparables naturally, the rest by their text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> VALUE_ORDER = (x, y) -> {
        if (x instanceof Number a && y instanceof Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                return Long.compare(a.longValue(), b.longValue());
            }
            if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            return decimal(a).compareTo(decimal(b));
        }
        if (x instanceof Comparable c && x.getClass() == y.getClass()) {
            return c.compareTo(y);
        }
        return CellText.full("", x).compareToIgnoreCase(CellText.full("", y));
    };

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        } else if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
