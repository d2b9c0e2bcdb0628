package dev.pgdesk.ui;

import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import dev.pgdesk.ui.query.QueryServices;
import dev.pgdesk.ui.query.QueryTabModel;
import dev.pgdesk.workspace.Autosaver;
import dev.pgdesk.workspace.EditorTabState;
import dev.pgdesk.workspace.SqlFiles;
import dev.pgdesk.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL editor tabs of the window: restored from the workspace at start, saved continuously while typed
 * in, bound to their connection's pool while it is open, and asked about before anything would end an
 * open transaction. Each open connection has one catalog cache for completion, shared by its tabs.
 */
public final class EditorWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(EditorWorkspace.class);
    private static final Duration AUTOSAVE_DELAY = Duration.ofMillis(300);

    private final ObservableList<QueryTabModel> tabs = FXCollections.observableArrayList();
    private final WorkspaceStore store;
    private final Autosaver autosaver;
    private final QueryServices services;
    /** The catalog snapshot per connected profile id, for completion; dropped on disconnect. */
    private final Map<String, SnapshotCache> completionCaches = new HashMap<>();
    /** Loads the catalogs: one thread per connection loading at the time, gone when idle. */
    private final ExecutorService catalogLoads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "catalog-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public EditorWorkspace(
            WorkspaceStore store,
            HistoryStore history,
            ParameterMemory parameterMemory,
            TaskRunner tasks,
            DialogService dialogs,
            Consumer<String> problems) {
        this.store = store;
        this.autosaver =
                new Autosaver(store, AUTOSAVE_DELAY, problem -> Platform.runLater(() -> problems.accept(problem)));
        this.services = new QueryServices(tasks, dialogs, history, parameterMemory, autosaver);
    }

    /**
     * Brings back the tabs of the last run, off the FX thread.
     *
     * @param profileName the name of a profile id, or empty when it is gone
     */
    public void restore(Function<String, Optional<String>> profileName, Consumer<String> problems) {
        services.tasks()
                .run(
                        token -> store.load(),
                        loaded -> {
                            for (EditorTabState state : loaded.tabs()) {
                                String name = state.profileId() == null
                                        ? "no connection"
                                        : profileName.apply(state.profileId()).orElse("a deleted connection");
                                add(new QueryTabModel(services, state, name));
                            }
                            loaded.problems().forEach(problems);
                        },
                        error -> problems.accept(
                                "The editor tabs of the last session could not be read: " + error.getMessage()));
    }

    /** Opens an empty editor on {@code profile}. */
    public QueryTabModel newTab(ConnectionProfile profile, QuerySession session) {
        EditorTabState state = EditorTabState.newTab(profile.id(), "Query " + nextQueryNumber(), tabs.size());
        QueryTabModel tab = new QueryTabModel(services, state, profile.name());
        tab.sessionProperty().set(session);
        tab.completionCacheProperty().set(completionCaches.get(profile.id()));
        add(tab);
        return tab;
    }

    /** Asks for a SQL file and opens it in a new editor on {@code profile}. */
    public void openFile(ConnectionProfile profile, Function<String, QuerySession> sessions) {
        Optional<Path> chosen = services.dialogs().chooseFileToOpen("Open SQL File");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        services.tasks()
                .run(
                        token -> SqlFiles.read(file),
                        text -> {
                            EditorTabState state = EditorTabState.openedFile(profile.id(), file, text, tabs.size());
                            QueryTabModel tab = new QueryTabModel(services, state, profile.name());
                            tab.sessionProperty().set(sessions.apply(profile.id()));
                            tab.completionCacheProperty().set(completionCaches.get(profile.id()));
                            add(tab);
                            autosaver.schedule(tab.state());
                        },
                        error -> services.dialogs()
                                .showError("Could not open " + file.getFileName(), error.getMessage()));
    }

    /** One more than the highest "Query n" open, so restored tabs and new ones never share a title. */
    private int nextQueryNumber() {
        int highest = 0;
        for (QueryTabModel tab : tabs) {
            String title = tab.titleProperty().get();
            if (title.matches("Query \\d{1,9}")) {
                highest = Math.max(highest, Integer.parseInt(title.substring(6)));
            }
        }
        return highest + 1;
    }

    private void add(QueryTabModel tab) {
        tabs.add(tab);
        autosaver.schedule(tab.state());
    }

    /**
     * Forgets a closed tab: its autosaved copy is removed, and its session ends (the caller asked about an
     * open transaction first), so the connection it held goes back to the pool, or is closed when it holds
     * settings or temporary tables of the tab's.
     */
    public void closed(QueryTabModel tab) {
        tabs.remove(tab);
        tab.discard();
        tab.detachSession()
                .ifPresent(session -> services.tasks()
                        .run(
                                token -> session.close(),
                                end -> {},
                                error -> LOG.warn("Ending the session of a closed editor failed", error)));
        for (int i = 0; i < tabs.size(); i++) {
            tabs.get(i).setOrder(i);
        }
    }

    /**
     * Gives the tabs of a freshly opened connection a query session each, and the connection a catalog cache
     * for completion. The cache loads in the background once the user first types in one of its editors,
     * so a connection that is never typed in never reads its catalogs.
     */
    public void attach(OpenConnection open) {
        String profileId = open.profile().id();
        SnapshotCache cache = SnapshotCache.forSession(open.session(), catalogLoads);
        completionCaches.put(profileId, cache);
        for (QueryTabModel tab : tabs) {
            if (profileId.equals(tab.profileId())) {
                if (tab.sessionProperty().get() == null) {
                    tab.sessionProperty().set(new QuerySession(open.session()));
                }
                tab.completionCacheProperty().set(cache);
            }
        }
    }

    /** The catalog cache of a connected profile, for completion. */
    public Optional<SnapshotCache> completionCache(String profileId) {
        return Optional.ofNullable(completionCaches.get(profileId));
    }

    /** The tabs of {@code profileId} with a transaction open. */
    public List<QueryTabModel> withOpenTransaction(String profileId) {
        List<QueryTabModel> open = new ArrayList<>();
        for (QueryTabModel tab : tabs) {
            QuerySession session = tab.sessionProperty().get();
            if ((profileId == null || profileId.equals(tab.profileId()))
                    && session != null
                    && session.transactionState() != TransactionState.IDLE) {
                open.add(tab);
            }
        }
        return open;
    }

    /**
     * Takes the sessions from a profile's tabs (the caller asked about open transactions first) and returns
     * them, for the caller to close off the FX thread.
     */
    public List<QuerySession> detach(String profileId) {
        List<QuerySession> sessions = new ArrayList<>();
        completionCaches.remove(profileId);
        for (QueryTabModel tab : tabs) {
            if (profileId.equals(tab.profileId())) {
                tab.completionCacheProperty().set(null);
                tab.detachSession().ifPresent(sessions::add);
            }
        }
        return sessions;
    }

    /**
     * Settles every open transaction by asking (commit, roll back or cancel), tab by tab, then runs {@code
     * then}; stops without running it when the user cancels one.
     */
    public void settleTransactions(Runnable then) {
        List<QueryTabModel> open = withOpenTransaction(null);
        if (open.isEmpty()) {
            then.run();
            return;
        }
        open.get(0).requestClose(false, () -> settleTransactions(then));
    }

    /** Writes every pending autosave now; called on exit. */
    public void flush() {
        if (!autosaver.flush()) {
            LOG.warn("Some editor tabs could not be saved on exit");
        }
        autosaver.close();
        catalogLoads.shutdownNow();
    }

    public ObservableList<QueryTabModel> tabs() {
        return tabs;
    }

    public int count() {
        return tabs.size();
    }
}
