package dev.pgdesk.ui.overview;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.pool.ServerSummary;
import dev.pgdesk.task.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What a connected profile's Overview tab shows: the server summary, fetched off the FX thread. */
public final class OverviewModel {
    private final ConnectionProfile profile;
    private final PooledSession session;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<ServerSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public OverviewModel(ConnectionProfile profile, PooledSession session, TaskRunner tasks) {
        this.profile = profile;
        this.session = session;
        this.tasks = tasks;
    }

    // Commands

    /** Fetches the summary again. */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        tasks.run(
                cancel -> session.summary(),
                fetched -> {
                    loading.set(false);
                    problem.set("");
                    summary.set(fetched);
                },
                error -> {
                    loading.set(false);
                    String message = error.getMessage();
                    problem.set("Could not read the server's details: "
                            + (message == null || message.isBlank() ? "the server did not answer." : message));
                });
    }

    // Properties

    public ConnectionProfile profile() {
        return profile;
    }

    public ReadOnlyObjectProperty<ServerSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
