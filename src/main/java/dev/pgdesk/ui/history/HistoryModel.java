package dev.pgdesk.ui.history;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * What the history view shows: the entries matching {@link #queryProperty()}, searched off the FX thread.
 * A search runs {@value #QUIET_MILLIS} ms after the query stops changing; the result of a search overtaken
 * by a newer one is dropped. Use on the FX thread.
 */
public final class HistoryModel {
    /** How many entries a search shows at most. */
    public static final int LIMIT = 1000;

    static final int QUIET_MILLIS = 200;

    private final HistoryStore store;
    private final TaskRunner tasks;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final PauseTransition quiet = new PauseTransition(Duration.millis(QUIET_MILLIS));

    /** Counts searches, so that only the latest one's result is shown. */
    private long searches;

    private CancellationToken running;

    public HistoryModel(HistoryStore store, TaskRunner tasks) {
        this.store = Objects.requireNonNull(store, "The history model needs the store");
        this.tasks = Objects.requireNonNull(tasks, "The history model needs a task runner");
        quiet.setOnFinished(event -> refresh());
        query.addListener((observable, before, after) -> quiet.playFromStart());
    }

    // Commands

    /** Searches now with the current query (call it after a statement was recorded, too). */
    public void refresh() {
        quiet.stop();
        long search = ++searches;
        if (running != null) {
            running.cancel();
        }
        String text = query.get();
        running = tasks.run(
                cancel -> new Found(store.search(text, LIMIT), store.problems()),
                found -> {
                    if (search == searches) {
                        entries.setAll(found.entries());
                        problem.set(String.join("\n", found.problems()));
                    }
                },
                error -> {
                    if (search == searches && !(error instanceof CancelledException)) {
                        String message = error.getMessage();
                        problem.set("Could not search the history: "
                                + (message == null || message.isBlank() ? error.toString() : message));
                    }
                });
    }

    // Properties

    /** The search words; every one must occur in the statement, the connection's name or the message. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The matching entries, newest first. */
    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    /** What went wrong reading the history, for the user; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private record Found(List<HistoryEntry> entries, List<String> problems) {}
}
