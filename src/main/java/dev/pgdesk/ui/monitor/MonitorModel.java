package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.ActivitySnapshot;
import dev.pgdesk.monitor.ConnectionCounts;
import dev.pgdesk.monitor.DatabaseCounters;
import dev.pgdesk.monitor.DatabaseRates;
import dev.pgdesk.monitor.DatabaseSize;
import dev.pgdesk.monitor.ElapsedText;
import dev.pgdesk.monitor.MetricHistory;
import dev.pgdesk.monitor.RelationSize;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.monitor.SlowQueries;
import dev.pgdesk.monitor.SlowQueryOrder;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Monitor tab's state: the refresh loop on the profile's own monitor session, its interval and status
 * line, the privilege note, and one model per sub-tab.
 *
 * <p>A reading runs on a worker, never on the FX thread, and never overlaps the previous one: a tick that
 * comes while one is still out is skipped, and the status line says that it is slow. The light reads
 * (activity, connections, database counters) happen on every tick; slow queries and sizes only while their
 * sub-tab is on screen, and then at most every {@link #HEAVY_PERIOD} unless the user changed what they show.
 */
public final class MonitorModel {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorModel.class);
    /** How often the loop looks whether a reading is due; the interval itself is the user's. */
    static final Duration TICK = Duration.ofMillis(200);
    /** A reading out for longer than this shows as slow. */
    static final Duration SLOW_AFTER = Duration.ofSeconds(1);
    /** The least time between two readings of slow queries or sizes while their tab is visible. */
    static final Duration HEAVY_PERIOD = Duration.ofSeconds(10);
    /** How far back the charts reach. */
    static final Duration CHART_WINDOW = Duration.ofMinutes(10);

    private final String profileId;
    private final String profileName;
    private final ServerMonitor monitor;
    private final TaskRunner tasks;

    private final ObjectProperty<RefreshInterval> interval = new SimpleObjectProperty<>(RefreshInterval.DEFAULT);
    private final ObjectProperty<MonitorSection> section = new SimpleObjectProperty<>(MonitorSection.ACTIVITY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the server's activity…");
    private final ReadOnlyBooleanWrapper failing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper privilegeNote = new ReadOnlyStringWrapper("");

    private final ActivityModel activity;
    private final BlockingModel blocking;
    private final ConnectionsModel connections;
    private final SlowQueriesModel slowQueries;
    private final DatabaseModel database;

    private final Timeline clock;
    private boolean closed;
    private boolean inFlight;
    private long startedNanos;
    private long lastStartNanos;
    /** A reading is wanted now, whatever the interval: the user changed what the pane shows. */
    private boolean wanted = true;

    private boolean slowQueriesStale = true;
    private boolean sizesStale = true;
    private long slowQueriesReadNanos;
    private long sizesReadNanos;
    /** The server's clock at the last good reading and how long that reading took; null before one. */
    private Instant lastReadAt;

    private Duration lastTook;

    /**
     * A monitor of one open connection.
     *
     * @param openInEditor opens SQL text in a new editor on the same connection (Slow Queries' Open in Editor)
     */
    public MonitorModel(
            String profileId,
            String profileName,
            ServerMonitor monitor,
            TaskRunner tasks,
            DialogService dialogs,
            Consumer<String> openInEditor) {
        this.profileId = profileId;
        this.profileName = profileName;
        this.monitor = monitor;
        this.tasks = tasks;
        TableExport export = new TableExport(tasks, dialogs);
        Signals.Factory signals = message -> new Signals(monitor, tasks, dialogs, message, this::refreshNow);
        this.activity = new ActivityModel(signals, export);
        this.blocking = new BlockingModel(signals);
        this.connections = new ConnectionsModel(new MetricHistory<>(CHART_WINDOW));
        this.database = new DatabaseModel(new MetricHistory<DatabaseRates>(CHART_WINDOW));
        this.slowQueries = new SlowQueriesModel(monitor, tasks, dialogs, export, openInEditor, () -> {
            slowQueriesStale = true;
            refreshNow();
        });
        section.addListener((obs, old, now) -> refreshNow());
        interval.addListener((obs, old, now) -> {
            if (!inFlight && !failing.get()) {
                status.set(idleStatus());
            }
            refreshNow();
        });
        clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(TICK.toMillis()), event -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    // The loop

    /** Starts the loop; the first reading goes out at once. */
    public void start() {
        if (!closed) {
            clock.play();
            tick();
        }
    }

    /** Stops the loop for good (the tab closed or its connection went); a reading still out is ignored. */
    public void close() {
        closed = true;
        clock.stop();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Reads the server at the next occasion, even when paused (a reading still out finishes first). */
    public void refreshNow() {
        wanted = true;
        tick();
    }

    void tick() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (inFlight) {
            Duration out = Duration.ofNanos(now - startedNanos);
            if (out.compareTo(SLOW_AFTER) >= 0) {
                status.set("Refreshing… (slow: " + MonitorText.seconds(out.toMillis() / 1000.0) + ")");
            }
            return;
        }
        boolean due = interval.get()
                .period()
                .map(period -> lastStartNanos == 0 || now - lastStartNanos >= period.toNanos())
                .orElse(false);
        if (wanted || due) {
            read(now);
        }
    }

    /** What one reading fetches. */
    private record Plan(boolean slowQueries, SlowQueryOrder order, int limit, boolean sizes) {}

    /** What one reading brought; the heavy parts are null when they were not read. */
    private record Reading(
            ActivitySnapshot activity,
            ConnectionCounts connections,
            DatabaseCounters counters,
            SlowQueries slowQueries,
            List<DatabaseSize> sizes,
            List<RelationSize> relations) {}

    private void read(long now) {
        wanted = false;
        inFlight = true;
        startedNanos = now;
        lastStartNanos = now;
        MonitorSection visible = section.get();
        boolean readSlow = visible == MonitorSection.SLOW_QUERIES
                && (slowQueriesStale || now - slowQueriesReadNanos >= HEAVY_PERIOD.toNanos());
        boolean readSizes =
                visible == MonitorSection.DATABASE && (sizesStale || now - sizesReadNanos >= HEAVY_PERIOD.toNanos());
        Plan plan = new Plan(readSlow, slowQueries.orderProperty().get(), slowQueries.limitValue(), readSizes);
        tasks.run(token -> read(plan), reading -> applyReading(plan, reading), this::failed);
    }

    private Reading read(Plan plan) throws Exception {
        ActivitySnapshot snapshot = monitor.activity();
        ConnectionCounts counts = monitor.connections();
        DatabaseCounters counters = monitor.counters();
        SlowQueries slow = plan.slowQueries() ? monitor.slowQueries(plan.order(), plan.limit()) : null;
        List<DatabaseSize> sizes = plan.sizes() ? monitor.databaseSizes() : null;
        List<RelationSize> relations = plan.sizes() ? monitor.largestRelations(DatabaseModel.LARGEST_RELATIONS) : null;
        return new Reading(snapshot, counts, counters, slow, sizes, relations);
    }

    private void applyReading(Plan plan, Reading reading) {
        inFlight = false;
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        Duration took = Duration.ofNanos(now - startedNanos);
        failing.set(false);
        privilegeNote.set(reading.activity().privileges().note().orElse(""));
        activity.apply(reading.activity());
        blocking.apply(reading.activity().sessions());
        connections.apply(reading.connections());
        database.applyCounters(reading.counters());
        if (plan.slowQueries()) {
            slowQueriesStale = false;
            slowQueriesReadNanos = now;
            slowQueries.apply(reading.slowQueries());
        }
        if (plan.sizes()) {
            sizesStale = false;
            sizesReadNanos = now;
            database.applySizes(reading.sizes(), reading.relations());
        }
        lastReadAt = reading.activity().takenAt();
        lastTook = took;
        status.set(idleStatus());
    }

    private String idleStatus() {
        if (lastReadAt == null) {
            return "Reading the server's activity…";
        }
        String when = "Updated " + MonitorText.time(lastReadAt) + " (" + ElapsedText.of(lastTook) + ")";
        return interval.get() == RefreshInterval.PAUSED
                ? when + " — paused"
                : when + " — every " + interval.get().label();
    }

    private void failed(Throwable error) {
        inFlight = false;
        if (closed) {
            return;
        }
        LOG.debug("Monitor refresh of {} failed", profileName, error);
        failing.set(true);
        String message = MonitorText.describe(error);
        status.set(
                interval.get() == RefreshInterval.PAUSED
                        ? "Refresh failed: " + message
                        : "Refresh failed: " + message + " — retrying every "
                                + interval.get().label());
    }

    // Properties

    public String profileId() {
        return profileId;
    }

    public String profileName() {
        return profileName;
    }

    public ObjectProperty<RefreshInterval> intervalProperty() {
        return interval;
    }

    /** The sub-tab on screen; the view keeps it up to date. */
    public ObjectProperty<MonitorSection> sectionProperty() {
        return section;
    }

    /** "Updated 14:03:27 (35 ms) — every 2 s", "Refreshing… (slow: 3.2 s)" or "Refresh failed: …". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the last reading failed. */
    public ReadOnlyBooleanProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }

    /** Why other sessions' queries read {@code <insufficient privilege>}; empty when the role sees all. */
    public ReadOnlyStringProperty privilegeNoteProperty() {
        return privilegeNote.getReadOnlyProperty();
    }

    public ActivityModel activity() {
        return activity;
    }

    public BlockingModel blocking() {
        return blocking;
    }

    public ConnectionsModel connections() {
        return connections;
    }

    public SlowQueriesModel slowQueries() {
        return slowQueries;
    }

    public DatabaseModel database() {
        return database;
    }
}
