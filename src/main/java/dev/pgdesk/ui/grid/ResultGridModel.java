package dev.pgdesk.ui.grid;

import dev.pgdesk.grid.CellText;
import dev.pgdesk.grid.RowBuffer;
import dev.pgdesk.grid.RowSource;
import dev.pgdesk.grid.RowView;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state behind a {@link ResultGrid}: rows loaded so far from a {@link RowSource}, in batches off the
 * FX thread, up to a memory cap the user can change; the sorted and filtered view of them; and the status
 * line. Every method is called on the FX thread; the source is only read by one background task at a time.
 */
public final class ResultGridModel {
    private static final Logger LOG = LoggerFactory.getLogger(ResultGridModel.class);
    /** Rows fetched for the first screen and for each scroll near the end. */
    public static final int DEFAULT_BATCH = 1_000;
    /** Rows per fetch while loading everything: fewer round trips to the FX thread. */
    public static final int LOAD_ALL_BATCH = 10_000;
    /** The memory cap the grid starts with. */
    public static final int DEFAULT_CAP_MEGABYTES = 512;

    private final RowSource source;
    private final TaskRunner tasks;
    private final RowBuffer buffer;
    private final RowView view;
    private final RowItems items;
    private final int batchSize;

    private final ReadOnlyIntegerWrapper loadedRows = new ReadOnlyIntegerWrapper(this, "loadedRows");
    private final ReadOnlyLongWrapper approximateBytes = new ReadOnlyLongWrapper(this, "approximateBytes");
    private final ReadOnlyBooleanWrapper exhausted = new ReadOnlyBooleanWrapper(this, "exhausted");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper capReached = new ReadOnlyBooleanWrapper(this, "capReached");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Loading…");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper arrangingNow = new ReadOnlyBooleanWrapper(this, "arranging");
    private final ReadOnlyBooleanWrapper loadingAll = new ReadOnlyBooleanWrapper(this, "loadingAll");
    private final IntegerProperty memoryCapMegabytes =
            new SimpleIntegerProperty(this, "memoryCapMegabytes", DEFAULT_CAP_MEGABYTES);

    private CancellationToken running;
    private boolean disposed;
    private RowView.Ordering requested = RowView.Ordering.LOAD_ORDER;
    private CancellationToken arranging;
    private long arrangements;
    private boolean receivedAny;
    private Runnable onFirstBatch = () -> {};

    /** A model over {@code source}, fetching {@link #DEFAULT_BATCH} rows at a time. */
    public ResultGridModel(RowSource source, TaskRunner tasks) {
        this(source, tasks, DEFAULT_BATCH);
    }

    /** A model fetching {@code batchSize} rows for the first screen and per scroll. */
    public ResultGridModel(RowSource source, TaskRunner tasks, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.source = source;
        this.tasks = tasks;
        this.batchSize = batchSize;
        this.buffer = new RowBuffer(source.columns());
        this.view = new RowView(buffer);
        this.items = new RowItems(view);
        memoryCapMegabytes.addListener((observable, old, now) -> capChanged());
    }

    public List<Column> columns() {
        return buffer.columns();
    }

    /** The rows the table shows: sorted, filtered, growing as batches arrive. */
    public ObservableList<Object[]> items() {
        return items;
    }

    /** The loaded rows, in load order. */
    public RowBuffer buffer() {
        return buffer;
    }

    /** Fetches the first batch; {@code afterFirstBatch} runs once it is in (to fit column widths). */
    public void start(Runnable afterFirstBatch) {
        this.onFirstBatch = afterFirstBatch;
        fetch(batchSize);
    }

    /** Fetches one more batch unless one is on its way, all rows are in, or the cap is reached. */
    public void loadMore() {
        if (canFetch()) {
            fetch(batchSize);
        }
    }

    /** Fetches batch after batch until the result is exhausted or the memory cap is reached. */
    public void loadAll() {
        loadingAll.set(true);
        if (canFetch()) {
            fetch(LOAD_ALL_BATCH);
        } else {
            updateStatus();
        }
    }

    /** Stops a "load all" after the batch on its way; the rows loaded so far stay. */
    public void stopLoadingAll() {
        loadingAll.set(false);
        updateStatus();
    }

    /** Stops loading: cancels the batch on its way and closes the source. The grid shows what it has. */
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        loadingAll.set(false);
        if (arranging != null) {
            arranging.cancel();
        }
        if (running != null) {
            running.cancel(); // the batch's callback closes the source once the fetch returns
        } else {
            closeSource();
        }
    }

    /**
     * Sorts the loaded rows by {@code column} ({@code -1}: load order), NULLs last. Off the FX thread: the
     * table shows the rows as they were until the sorted order is ready.
     */
    public void sortBy(int column, boolean ascending) {
        arrange(requested.sortedBy(column, ascending));
    }

    /** Shows only loaded rows whose cells' text contains {@code text}, ignoring case; off the FX thread. */
    public void filter(String text) {
        arrange(requested.filtered(text));
    }

    /** Computes the new order from a snapshot of the rows; a later request supersedes an unfinished one. */
    private void arrange(RowView.Ordering ordering) {
        requested = ordering;
        if (arranging != null) {
            arranging.cancel();
            arranging = null;
        }
        RowBuffer.Snapshot rows = buffer.snapshot();
        long generation = ++arrangements;
        arrangingNow.set(true);
        updateStatus();
        CancellationToken token = tasks.run(
                cancel -> RowView.arrange(rows, ordering, cancel),
                arrangement -> {
                    if (generation == arrangements) {
                        arranging = null;
                        arrangingNow.set(false);
                        List<Object[]> before = items.snapshot();
                        view.apply(arrangement);
                        items.announceReplaced(before);
                        updateStatus();
                    }
                },
                error -> {
                    if (generation == arrangements) {
                        arranging = null;
                        arrangingNow.set(false);
                        if (!(error instanceof CancelledException)) {
                            LOG.warn("Sorting or filtering the loaded rows failed", error);
                        }
                        updateStatus();
                    }
                });
        if (generation == arrangements && arrangingNow.get()) {
            arranging = token;
        }
    }

    /** True when the table shows every loaded row in load order: not sorted, not filtered. */
    public boolean showsLoadOrder() {
        return !requested.sorted() && requested.filter().isEmpty();
    }

    private boolean canFetch() {
        return !disposed && running == null && !exhausted.get() && !capReached.get();
    }

    private void fetch(int rows) {
        loading.set(true);
        updateStatus();
        CancellationToken token = tasks.run(cancel -> source.next(rows), this::received, this::failed);
        if (loading.get()) {
            // Still on its way; a runner that ran it at once has already delivered the batch.
            running = token;
        }
    }

    private void received(List<Object[]> batch) {
        running = null;
        loading.set(false);
        if (disposed) {
            closeSource();
            return;
        }
        boolean first = !receivedAny;
        receivedAny = true;
        buffer.append(batch);
        if (view.refresh()) {
            items.announceAppended();
        } else {
            List<Object[]> before = items.snapshot();
            items.announceReplaced(before);
        }
        loadedRows.set(buffer.size());
        approximateBytes.set(buffer.approximateBytes());
        exhausted.set(batch.isEmpty() || source.exhausted());
        capReached.set(!exhausted.get() && buffer.approximateBytes() >= capBytes());
        if (first) {
            onFirstBatch.run();
        }
        if (exhausted.get()) {
            // Nothing more will be read: free the cursor and its connection now.
            closeSource();
            loadingAll.set(false);
        } else if (capReached.get()) {
            loadingAll.set(false);
        } else if (loadingAll.get()) {
            fetch(LOAD_ALL_BATCH);
            return;
        }
        updateStatus();
    }

    private void failed(Throwable error) {
        running = null;
        loading.set(false);
        loadingAll.set(false);
        if (disposed) {
            closeSource();
            return;
        }
        if (!(error instanceof CancelledException)) {
            LOG.warn("Loading result rows failed", error);
            failure.set(error.getMessage() == null ? error.toString() : error.getMessage());
        }
        updateStatus();
    }

    private void closeSource() {
        tasks.run(
                cancel -> {
                    source.close();
                    return null;
                },
                done -> {},
                error -> LOG.warn("Closing the result failed", error));
    }

    private void capChanged() {
        if (capReached.get() && buffer.approximateBytes() < capBytes()) {
            capReached.set(false);
        }
        updateStatus();
    }

    private long capBytes() {
        return memoryCapMegabytes.get() * 1024L * 1024L;
    }

    private void updateStatus() {
        StringBuilder text = new StringBuilder();
        int loaded = buffer.size();
        if (view.size() != loaded) {
            text.append(String.format(Locale.ROOT, "%,d of ", view.size()));
        }
        String rows = loaded == 1 ? "row" : "rows";
        if (exhausted.get()) {
            text.append(String.format(Locale.ROOT, "%,d %s · all loaded", loaded, rows));
        } else {
            text.append(String.format(Locale.ROOT, "%,d %s loaded", loaded, rows));
            if (failure.get() != null) {
                text.append(" · loading failed: ").append(failure.get());
            } else if (capReached.get()) {
                text.append(" · stopped at the ")
                        .append(memoryCapMegabytes.get())
                        .append(" MB cap");
            } else if (loading.get()) {
                text.append(loadingAll.get() ? " · loading all…" : " · loading…");
            } else {
                text.append(" · more available");
            }
        }
        if (arrangingNow.get()) {
            text.append(requested.filter().isEmpty() ? " · sorting…" : " · filtering…");
        }
        text.append(" · ~").append(CellText.sizeText(buffer.approximateBytes()));
        status.set(text.toString());
    }

    /** The JSON view of the loaded rows (the first {@code limit} of them), computed off the FX thread. */
    public void loadedRowsAsJson(int limit, java.util.function.Consumer<String> onReady) {
        RowBuffer.Snapshot snapshot = buffer().snapshot();
        tasks.run(
                token -> {
                    int count = Math.min(limit, snapshot.size());
                    List<Object[]> rows = new java.util.ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        rows.add(snapshot.row(i));
                    }
                    return dev.pgdesk.grid.CopyFormats.json(snapshot.columns(), rows);
                },
                onReady::accept,
                error -> onReady.accept("The rows could not be shown as JSON: " + error.getMessage()));
    }

    public ReadOnlyIntegerProperty loadedRowsProperty() {
        return loadedRows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty approximateBytesProperty() {
        return approximateBytes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exhaustedProperty() {
        return exhausted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while batches load one after another until the end or the cap. */
    public ReadOnlyBooleanProperty loadingAllProperty() {
        return loadingAll.getReadOnlyProperty();
    }

    /** True while a sort or filter is being computed; the table shows the previous order meanwhile. */
    public ReadOnlyBooleanProperty arrangingProperty() {
        return arrangingNow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty capReachedProperty() {
        return capReached.getReadOnlyProperty();
    }

    /** "1,000 rows loaded · more available", "12,345 rows · all loaded", "… stopped at the 512 MB cap". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why loading stopped with an error, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The memory cap for loaded rows, in MB; loading stops when the estimate reaches it. */
    public IntegerProperty memoryCapMegabytesProperty() {
        return memoryCapMegabytes;
    }
}
