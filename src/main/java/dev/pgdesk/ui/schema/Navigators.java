package dev.pgdesk.ui.schema;

import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.schema.SchemaBrowser;
import dev.pgdesk.task.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One {@link NavigatorModel} per connected profile, kept while it is connected and dropped when it
 * disconnects, and which of them the sidebar shows: the selected profile's, or none.
 */
public final class Navigators {
    private final TaskRunner tasks;
    private final NavigatorActions actions;
    private final Function<PooledSession, CatalogSource> sources;
    private final Map<String, NavigatorModel> models = new HashMap<>();
    private final ReadOnlyObjectWrapper<NavigatorModel> current = new ReadOnlyObjectWrapper<>();
    private String selectedProfile;

    /** Navigators reading the catalogs through each profile's {@link SchemaBrowser}. */
    public Navigators(TaskRunner tasks, NavigatorActions actions) {
        this(tasks, actions, session -> CatalogSource.of(new SchemaBrowser(session)));
    }

    /** Navigators reading through {@code sources}, for tests that watch the reads. */
    public Navigators(TaskRunner tasks, NavigatorActions actions, Function<PooledSession, CatalogSource> sources) {
        this.tasks = tasks;
        this.actions = actions;
        this.sources = sources;
    }

    /** A profile connected: it gets a navigator, which starts reading its schemas. */
    public void opened(String profileId, PooledSession session) {
        NavigatorModel model = new NavigatorModel(profileId, sources.apply(session), tasks, actions);
        models.put(profileId, model);
        model.start();
        update();
    }

    /** A profile disconnected: its navigator goes. */
    public void closed(String profileId) {
        models.remove(profileId);
        update();
    }

    /** The sidebar selected {@code profileId} (null: nothing). */
    public void select(String profileId) {
        selectedProfile = profileId;
        update();
    }

    /** The navigator of a connected profile. */
    public Optional<NavigatorModel> of(String profileId) {
        return Optional.ofNullable(models.get(profileId));
    }

    /** The selected profile's navigator; null when it is not connected or nothing is selected. */
    public ReadOnlyObjectProperty<NavigatorModel> currentProperty() {
        return current.getReadOnlyProperty();
    }

    private void update() {
        current.set(selectedProfile == null ? null : models.get(selectedProfile));
    }
}
