package dev.pgdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.grid.ListRowSource;
import dev.pgdesk.grid.RowSource;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.SynchronousTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResultGridModelTest {
    private static final List<Column> COLUMNS = List.of(new Column("id", "int4"), new Column("text", "text"));

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {i, "value " + i});
        }
        return rows;
    }

    @Test
    void theFirstBatchLoadsOnStartAndMoreLoadOnRequest() {
        AtomicInteger fitted = new AtomicInteger();
        ResultGridModel model =
                new ResultGridModel(new ListRowSource(COLUMNS, rows(2_500)), new SynchronousTaskRunner(), 1_000);

        model.start(fitted::incrementAndGet);
        assertThat(model.items()).hasSize(1_000);
        assertThat(model.statusProperty().get()).startsWith("1,000 rows loaded · more available");
        model.loadMore();
        model.loadMore();

        assertThat(model.items()).hasSize(2_500);
        assertThat(model.exhaustedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("2,500 rows · all loaded");
        assertThat(fitted.get())
                .as("widths are fitted once, to the first batch")
                .isEqualTo(1);
    }

    @Test
    void loadAllStopsAtTheCapAndGoesOnWhenTheCapIsRaised() {
        ResultGridModel model =
                new ResultGridModel(new ListRowSource(COLUMNS, rows(100_000)), new SynchronousTaskRunner(), 1_000);
        model.memoryCapMegabytesProperty().set(1);
        model.start(() -> {});

        model.loadAll();
        assertThat(model.capReachedProperty().get()).isTrue();
        assertThat(model.loadedRowsProperty().get()).isBetween(1_000, 99_999);
        assertThat(model.statusProperty().get()).contains("stopped at the 1 MB cap");

        model.memoryCapMegabytesProperty().set(512);
        model.loadAll();
        assertThat(model.loadedRowsProperty().get()).isEqualTo(100_000);
    }

    @Test
    void disposeClosesTheSourceAndStopsLoading() {
        AtomicInteger closed = new AtomicInteger();
        ListRowSource rows = new ListRowSource(COLUMNS, rows(5_000));
        RowSource source = new RowSource() {
            @Override
            public List<Column> columns() {
                return rows.columns();
            }

            @Override
            public List<Object[]> next(int maxRows) {
                return rows.next(maxRows);
            }

            @Override
            public boolean exhausted() {
                return rows.exhausted();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
                rows.close();
            }
        };
        ResultGridModel model = new ResultGridModel(source, new SynchronousTaskRunner(), 1_000);
        model.start(() -> {});

        model.dispose();
        model.loadMore();

        assertThat(closed.get()).isEqualTo(1);
        assertThat(model.loadedRowsProperty().get()).isEqualTo(1_000);
    }

    @Test
    void aFailingSourceStopsLoadingAndSaysWhy() {
        ResultGridModel model = new ResultGridModel(
                new FailingSource(COLUMNS, "canceling statement due to user request"), new SynchronousTaskRunner());

        model.start(() -> {});

        assertThat(model.failureProperty().get()).isEqualTo("canceling statement due to user request");
        assertThat(model.statusProperty().get())
                .startsWith("0 rows loaded · loading failed: canceling statement due to user request");
        assertThat(model.exhaustedProperty().get()).isFalse();
    }

    private record FailingSource(List<Column> columns, String message) implements RowSource {
        @Override
        public List<Object[]> next(int maxRows) throws Exception {
            throw new java.sql.SQLException(message);
        }

        @Override
        public boolean exhausted() {
            return false;
        }

        @Override
        public void close() {}
    }

    @Test
    void anExhaustedSourceIsClosedAtOnce() {
        ListRowSource source = new ListRowSource(COLUMNS, rows(10));
        ResultGridModel model = new ResultGridModel(source, new SynchronousTaskRunner(), 1_000);

        model.start(() -> {});

        assertThat(model.statusProperty().get()).startsWith("10 rows · all loaded");
        assertThat(source.next(1)).isEmpty();
    }
}
