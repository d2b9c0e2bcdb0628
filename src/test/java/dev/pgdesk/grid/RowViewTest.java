package dev.pgdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.query.Column;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowViewTest {
    private static final List<Column> COLUMNS = List.of(new Column("n", "int8"), new Column("t", "text"));

    private static List<Object[]> rows(long... values) {
        List<Object[]> rows = new ArrayList<>();
        for (long value : values) {
            rows.add(new Object[] {value, "v" + value});
        }
        return rows;
    }

    @Test
    void anArrangementFromASnapshotTakesInRowsAppendedWhileItWasComputed() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        buffer.append(rows(5, 1, 9));
        RowView view = new RowView(buffer);
        RowBuffer.Snapshot snapshot = buffer.snapshot();

        buffer.append(rows(3, 7));
        RowView.Arrangement sorted =
                RowView.arrange(snapshot, new RowView.Ordering(0, true, ""), new CancellationToken());
        view.apply(sorted);

        assertThat(values(view)).containsExactly(1L, 3L, 5L, 7L, 9L);
    }

    @Test
    void rowsAppendedToASortedFilteredViewAreMergedIntoPlaceStably() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        buffer.append(rows(40, 10, 30));
        RowView view = new RowView(buffer);
        view.sortBy(0, false);
        view.filter("0");

        buffer.append(rows(20, 35, 30, 50));
        assertThat(view.refresh()).as("a sorted view changes in the middle").isFalse();

        assertThat(values(view)).containsExactly(50L, 40L, 30L, 30L, 20L, 10L);
        assertThat(view.bufferIndex(2))
                .as("the earlier loaded of two equal rows first")
                .isEqualTo(2);
        assertThat(view.bufferIndex(3)).isEqualTo(5);
    }

    /** The first column of a view of one-column rows of the server's text, in the view's order. */
    private static List<Object> sortedText(String type, boolean ascending, String... values) {
        RowBuffer buffer = new RowBuffer(List.of(new Column("v", type)));
        List<Object[]> rows = new ArrayList<>();
        for (String value : values) {
            rows.add(new Object[] {value});
        }
        buffer.append(rows);
        RowView view = new RowView(buffer);
        view.apply(RowView.arrange(buffer.snapshot(), new RowView.Ordering(0, ascending, ""), new CancellationToken()));
        List<Object> sorted = new ArrayList<>();
        for (int i = 0; i < view.size(); i++) {
            sorted.add(view.row(i)[0]);
        }
        return sorted;
    }

    @Test
    void numbersAsTheServersTextSortByValueWithInfinitiesAndNaNWherePostgresPutsThem() {
        assertThat(sortedText("numeric", true, "10", "NaN", "9.5", "-Infinity", null, "-10", "Infinity", "1e2"))
                .containsExactly("-Infinity", "-10", "9.5", "10", "1e2", "Infinity", "NaN", null);
        assertThat(sortedText("int8", false, "2", "10", "-3")).containsExactly("10", "2", "-3");
    }

    @Test
    void timesAsTheServersTextSortByTheMomentTheyName() {
        assertThat(sortedText(
                        "timestamptz",
                        true,
                        "2024-01-01 00:30:00+01",
                        "infinity",
                        "2024-01-01 00:00:00+00",
                        "0044-03-15 12:00:00+00 BC",
                        "-infinity",
                        "2023-12-31 23:45:00+00:00:10"))
                .containsExactly(
                        "-infinity",
                        "0044-03-15 12:00:00+00 BC",
                        "2024-01-01 00:30:00+01",
                        "2023-12-31 23:45:00+00:00:10",
                        "2024-01-01 00:00:00+00",
                        "infinity");
        assertThat(sortedText("date", true, "2024-01-02", "0001-01-01 BC", "0002-01-01 BC", "infinity"))
                .containsExactly("0002-01-01 BC", "0001-01-01 BC", "2024-01-02", "infinity");
    }

    @Test
    void aCancelledArrangementStops() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        buffer.append(rows(1, 2));
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();

        assertThatThrownBy(() -> RowView.arrange(buffer.snapshot(), RowView.Ordering.LOAD_ORDER, cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void sortingByAColumnThatDoesNotExistIsRejected() {
        RowView view = new RowView(new RowBuffer(COLUMNS));
        assertThatThrownBy(() -> view.sortBy(2, true)).hasMessageContaining("column 2 is not one of the 2 columns");
    }

    @Test
    void aBufferGrowsPastManyChunksAndSnapshotsKeepTheirRows() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        buffer.append(rows(java.util.Arrays.copyOf(values, 10_000)));
        RowBuffer.Snapshot early = buffer.snapshot();
        buffer.append(rows(java.util.Arrays.copyOfRange(values, 10_000, values.length)));

        assertThat(buffer.size()).isEqualTo(100_000);
        assertThat(buffer.value(99_999, 0)).isEqualTo(99_999L);
        assertThat(early.size()).isEqualTo(10_000);
        assertThat(early.row(9_999)[0]).isEqualTo(9_999L);
    }

    private static List<Long> values(RowView view) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < view.size(); i++) {
            values.add((Long) view.row(i)[0]);
        }
        return values;
    }
}
