package dev.pgdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.query.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBufferTest {
    private static final List<Column> COLUMNS = List.of(new Column("n", "int4"), new Column("t", "text"));

    @Test
    void appendedBatchesAreReadBackInOrderAndGrowTheMemoryEstimate() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        buffer.append(List.of(new Object[] {1, "a"}, new Object[] {2, null}));
        long afterFirst = buffer.approximateBytes();
        buffer.append(List.<Object[]>of(new Object[] {3, "c".repeat(1_000)}));

        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.value(2, 0)).isEqualTo(3);
        assertThat(buffer.row(1)).containsExactly(2, null);
        assertThat(afterFirst).isPositive();
        assertThat(buffer.approximateBytes() - afterFirst).isGreaterThan(1_000);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRejected() {
        RowBuffer buffer = new RowBuffer(COLUMNS);
        assertThatThrownBy(() -> buffer.append(List.<Object[]>of(new Object[] {1})))
                .hasMessageContaining("1 values but the result has 2 columns");
    }

    @Test
    void aListSourceHandsOutBatchesUntilExhausted() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(new Object[] {i, "r" + i});
        }
        ListRowSource source = new ListRowSource(COLUMNS, rows);

        assertThat(source.next(10)).hasSize(10);
        assertThat(source.next(10)).hasSize(10);
        assertThat(source.exhausted()).isFalse();
        assertThat(source.next(10)).hasSize(5);
        assertThat(source.exhausted()).isTrue();
        assertThat(source.next(10)).isEmpty();
    }

    @Test
    void viewSortsNumbersNumericallyWithNullsLastAndFiltersWithoutCase() {
        RowBuffer buffer = new RowBuffer(List.of(new Column("n", "numeric"), new Column("t", "text")));
        buffer.append(List.of(
                new Object[] {new BigDecimal("10"), "Apple"},
                new Object[] {null, "banana"},
                new Object[] {new BigDecimal("9.5"), "Cherry"},
                new Object[] {new BigDecimal("100"), "apricot"}));
        RowView view = new RowView(buffer);

        view.sortBy(0, true);
        assertThat(positions(view)).containsExactly(2, 0, 3, 1);
        view.sortBy(0, false);
        assertThat(positions(view)).containsExactly(3, 0, 2, 1);

        view.filter("AP");
        assertThat(positions(view)).containsExactly(3, 0);
        view.sortBy(-1, true);
        assertThat(positions(view)).containsExactly(0, 3);

        buffer.append(List.<Object[]>of(new Object[] {BigDecimal.ONE, "grape"}, new Object[] {null, "papaya"}));
        assertThat(view.refresh()).isTrue();
        assertThat(positions(view)).containsExactly(0, 3, 4, 5);
    }

    private static List<Integer> positions(RowView view) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < view.size(); i++) {
            indexes.add(view.bufferIndex(i));
        }
        return indexes;
    }
}
