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
