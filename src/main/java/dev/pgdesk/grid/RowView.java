package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import dev.pgdesk.task.CancellationToken;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The loaded rows as the grid shows them: filtered and sorted, as a permutation of row indexes into a
 * {@link RowBuffer}, so no row is copied. Sorting or filtering a million rows takes about a second, so it
 * can be done off the UI thread: {@link #arrange} computes an {@link Arrangement} from a snapshot of the
 * buffer on any thread, {@link #apply} installs it on the UI thread. Rows appended later join through
 * {@link #refresh}: at the end while unsorted, merged into place when sorted. Not thread-safe otherwise
 * (the UI thread owns it).
 */
public final class RowView {
    private final RowBuffer buffer;
    private Ordering ordering = Ordering.LOAD_ORDER;
    private int[] order = new int[0];
    private int size;
    private int knownRows;

    /**
     * How rows are shown: sorted by a column ({@code -1}: load order), NULLs last either way, and filtered
     * to those where some cell's text contains {@code filter}, ignoring case ({@code ""}: all rows).
     */
    public record Ordering(int sortColumn, boolean ascending, String filter) {
        /** Every row in load order. */
        public static final Ordering LOAD_ORDER = new Ordering(-1, true, "");

        public Ordering {
            if (sortColumn < -1) {
                throw new IllegalArgumentException("sortColumn must be a column index or -1, was " + sortColumn);
            }
            filter = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        }

        public boolean sorted() {
            return sortColumn >= 0;
        }

        public Ordering sortedBy(int column, boolean ascending) {
            return new Ordering(column, ascending, filter);
        }

        public Ordering filtered(String text) {
            return new Ordering(sortColumn, ascending, text);
        }
    }

    /** The rows of a snapshot in an ordering: what {@link #apply} installs. */
    public static final class Arrangement {
        private final Ordering ordering;
        private final int[] order;
        private final int size;
        private final int knownRows;

        private Arrangement(Ordering ordering, int[] order, int size, int knownRows) {
            this.ordering = ordering;
            this.order = order;
            this.size = size;
            this.knownRows = knownRows;
        }

        public Ordering ordering() {
            return ordering;
        }
    }

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

    public Ordering ordering() {
        return ordering;
    }

    /** The sorted column, or -1 for load order. */
    public int sortColumn() {
        return ordering.sortColumn();
    }

    public String filter() {
        return ordering.filter();
    }

    /** Sorts by {@code column} (NULLs last either way); -1 returns to load order. On the calling thread. */
    public void sortBy(int column, boolean ascending) {
        apply(arrange(buffer.snapshot(), ordering.sortedBy(column, ascending), new CancellationToken()));
    }

    /** Shows only rows where some cell's text contains {@code text}, ignoring case. On the calling thread. */
    public void filter(String text) {
        apply(arrange(buffer.snapshot(), ordering.filtered(text), new CancellationToken()));
    }

    /**
     * Filters and sorts the rows of {@code rows}; safe on any thread. Checks {@code cancellation} now and
     * then, so a superseded request (the user typed on) stops early.
     */
    public static Arrangement arrange(RowBuffer.Snapshot rows, Ordering ordering, CancellationToken cancellation) {
        if (ordering.sortColumn() >= rows.columns().size()) {
            throw new IllegalArgumentException("column " + ordering.sortColumn() + " is not one of the "
                    + rows.columns().size() + " columns");
        }
        int[] order = new int[rows.size()];
        int size = 0;
        for (int i = 0; i < rows.size(); i++) {
            if ((i & 0xFFFF) == 0) {
                cancellation.throwIfCancelled();
            }
            if (matches(rows.columns(), rows.row(i), ordering.filter())) {
                order[size++] = i;
            }
        }
        if (ordering.sorted()) {
            sort(order, size, rowComparator(rows::row, rows.size(), rows.columns(), ordering));
        }
        return new Arrangement(ordering, order, size, rows.size());
    }

    /** Installs an arrangement of this view's buffer, then takes in rows appended since its snapshot. */
    public void apply(Arrangement arrangement) {
        this.ordering = arrangement.ordering;
        this.order = arrangement.order;
        this.size = arrangement.size;
        this.knownRows = arrangement.knownRows;
        refresh();
    }

    /**
     * Takes in rows appended to the buffer since the last call; returns true when rows were only added at
     * the end (always so while unsorted), so a table can announce an addition instead of a reset.
     */
    public boolean refresh() {
        int from = knownRows;
        int to = buffer.size();
        knownRows = to;
        int[] added = new int[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            if (matches(buffer.columns(), buffer.row(i), ordering.filter())) {
                added[count++] = i;
            }
        }
        if (count == 0) {
            return true;
        }
        if (!ordering.sorted()) {
            ensureCapacity(size + count);
            System.arraycopy(added, 0, order, size, count);
            size += count;
            return true;
        }
        Comparator<Integer> comparator = rowComparator(buffer::row, buffer.size(), buffer.columns(), ordering);
        sort(added, count, comparator);
        order = merge(order, size, added, count, comparator);
        size += count;
        return false;
    }

    /** Merges two sorted runs; on ties the existing (earlier loaded) row comes first, keeping the sort stable. */
    private static int[] merge(
            int[] existing, int existingSize, int[] added, int addedSize, Comparator<Integer> order) {
        int[] merged = new int[existingSize + addedSize];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < existingSize && j < addedSize) {
            merged[k++] = order.compare(existing[i], added[j]) <= 0 ? existing[i++] : added[j++];
        }
        while (i < existingSize) {
            merged[k++] = existing[i++];
        }
        while (j < addedSize) {
            merged[k++] = added[j++];
        }
        return merged;
    }

    private static void sort(int[] indexes, int size, Comparator<Integer> comparator) {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = indexes[i];
        }
        // Stable, so equal values keep load order.
        Arrays.sort(boxed, comparator);
        for (int i = 0; i < size; i++) {
            indexes[i] = boxed[i];
        }
    }

    private static Comparator<Integer> rowComparator(
            IntFunction<Object[]> rows, int rowCount, List<Column> columns, Ordering ordering) {
        int column = ordering.sortColumn();
        Comparator<Object> values = ordering.ascending() ? VALUE_ORDER : VALUE_ORDER.reversed();
        SortKeys keys = new SortKeys(columns.get(column).type(), rowCount);
        // NULLs go last in both directions.
        return (a, b) -> {
            Object x = rows.apply(a)[column];
            Object y = rows.apply(b)[column];
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return values.compare(keys.key(a, x), keys.key(b, y));
        };
    }

    private static boolean matches(List<Column> columns, Object[] row, String filter) {
        if (filter.isEmpty()) {
            return true;
        }
        for (int c = 0; c < row.length; c++) {
            String text = CellText.full(columns.get(c).typeName(), row[c]);
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
