package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.check.ConnectionReport;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.RememberedValue;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.pool.PoolStats;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryCommandLine;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.connect.ConnectionDialogModel;
import dev.pgdesk.ui.dialog.DialogService;
import dev.pgdesk.ui.monitor.MonitorModel;
import dev.pgdesk.ui.query.QueryTabModel;
import dev.pgdesk.ui.saved.SaveQueryModel;
import dev.pgdesk.ui.saved.SavedQueriesModel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the saved profiles, which are connected, the status bar, and the commands of
 * the menus, toolbar and sidebar. Holds no controls; dialogs go through {@link DialogService}.
 */
public final class MainWindowModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindowModel.class);

    private final AppServices services;

    // Properties
    private final ObservableList<ProfileItem> profiles = FXCollections.observableArrayList();
    private final SortedList<ProfileItem> sortedProfiles = new SortedList<>(
            profiles, Comparator.comparing((ProfileItem item) -> item.name().toLowerCase(Locale.ROOT)));
    private final ObjectProperty<ProfileItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<OpenConnection> openConnections = FXCollections.observableArrayList();
    /** One wrapper for all callers: a wrapper only holds its listeners as long as someone holds it. */
    private final ObservableList<OpenConnection> openConnectionsView =
            FXCollections.unmodifiableObservableList(openConnections);

    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper poolStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper passwordsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sampleStarting = new ReadOnlyBooleanWrapper();

    private PasswordService passwords;
    /** Passwords known only for this run: the sample database's. */
    private final Map<String, String> memoryPasswords = new HashMap<>();

    private SampleServer sample;
    /** Profiles whose connection is being opened, so that a second request waits for the first. */
    private final Set<String> connecting = new HashSet<>();

    private final EditorWorkspace editors;
    private SavedQueriesModel savedQueries;
    /** What to do once the sample database is up, such as opening a saved query of it; null for nothing. */
    private Runnable afterSampleStarts;

    public MainWindowModel(AppServices services) {
        this.services = services;
        this.editors = new EditorWorkspace(
                services.workspace(),
                services.history(),
                services.parameterMemory(),
                services.tasks(),
                services.dialogs(),
                statusMessage::set);
        editors.tabs().addListener((javafx.collections.ListChangeListener<QueryTabModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(tab -> tab.setConnectRequest(() -> connectFor(tab)));
            }
        });
    }

    // Commands: start and stop

    /** Loads the saved profiles and probes the keyring, both off the FX thread. */
    public void start() {
        services.tasks().run(cancel -> services.profileStore().load(), this::showLoaded, error -> {
            statusMessage.set("Saved connections could not be read.");
            services.dialogs().showError("Saved connections could not be read", describe(error));
            restoreEditors();
        });
        services.tasks()
                .run(
                        cancel -> services.passwordServiceFactory().call(),
                        service -> {
                            passwords = service;
                            passwordsReady.set(true);
                        },
                        error -> {
                            LOG.warn("Password service unavailable", error);
                            statusMessage.set("Stored passwords cannot be read: " + describe(error));
                        });
    }

    /**
     * Asks about every open transaction (commit, roll back or stay) and runs {@code exit} once all are
     * settled; the editors' text needs no question, it comes back on the next start.
     */
    public void requestExit(Runnable exit) {
        editors.settleTransactions(exit);
    }

    /** Closes every pool and stops the sample server; called when the app exits. */
    public void shutdown() {
        editors.flush();
        try {
            services.pools().close();
        } catch (RuntimeException e) {
            LOG.warn("Closing pools failed", e);
        }
        if (sample != null) {
            try {
                sample.close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the sample database failed", e);
            }
            sample = null;
        }
    }

    // Commands: connections

    /** Connects to the selected profile. */
    public void connectSelected() {
        if (selected.get() != null) {
            connect(selected.get());
        }
    }

    /**
     * Connects: finds the password (or asks for it), opens the profile's pool off the FX thread and, on
     * success, adds it to {@link #openConnections()}. A failure is explained by a connection test.
     */
    public void connect(ProfileItem item) {
        if (isConnected(item.id())) {
            statusMessage.set("Already connected to " + item.name() + ".");
            return;
        }
        if (!connecting.add(item.id())) {
            return; // a second double-click while the first is still connecting
        }
        ConnectionProfile profile = item.profile();
        statusMessage.set("Connecting to " + item.name() + "…");
        String known = memoryPasswords.get(item.id());
        if (known != null) {
            openPool(item, Credentials.password(known));
            return;
        }
        PasswordService service = passwords;
        services.tasks()
                .run(
                        cancel -> StoredSecrets.find(service, profile),
                        found -> {
                            Optional<String> password = found.password()
                                    .or(() -> services.dialogs()
                                            .askPassword(
                                                    "Connect to " + item.name(),
                                                    "Password for " + profile.displayTarget() + ":"));
                            if (password.isEmpty()) {
                                notConnected(item);
                                return;
                            }
                            String keyPassword = null;
                            if (found.keyPasswordNeeded()) {
                                Optional<String> key = found.keyPassword()
                                        .or(() -> services.dialogs()
                                                .askPassword(
                                                        "Connect to " + item.name(),
                                                        "Password of the encrypted client key " + profile.sslKey()
                                                                + ":"));
                                if (key.isEmpty()) {
                                    notConnected(item);
                                    return;
                                }
                                keyPassword = key.get();
                            }
                            openPool(item, new Credentials(password.get(), keyPassword));
                        },
                        error -> openPool(item, Credentials.password(null)));
    }

    private void notConnected(ProfileItem item) {
        connecting.remove(item.id());
        statusMessage.set("Not connected.");
    }

    private void openPool(ProfileItem item, Credentials credentials) {
        ConnectionProfile profile = item.profile();
        services.tasks()
                .run(
                        cancel -> services.pools().open(profile, credentials),
                        session -> {
                            connecting.remove(item.id());
                            connected(item, session);
                        },
                        error -> {
                            connecting.remove(item.id());
                            explainFailure(item, credentials, error);
                        });
    }

    private void connected(ProfileItem item, PooledSession session) {
        session.addListener(event -> Platform.runLater(() -> statusMessage.set(item.name() + ": " + event.message())));
        OpenConnection open = new OpenConnection(item.profile(), session);
        openConnections.add(open);
        editors.attach(open);
        boolean hasEditor = editors.tabs().stream().anyMatch(tab -> item.id().equals(tab.profileId()));
        if (!hasEditor) {
            editors.newTab(item.profile(), new QuerySession(session));
        }
        statusMessage.set("Connected to " + item.name() + ".");
        refreshPoolStatus();
    }

    /** Runs a connection test to explain why connecting failed, then shows that explanation. */
    private void explainFailure(ProfileItem item, Credentials credentials, Throwable error) {
        LOG.info("Connecting to {} failed: {}", item.profile().displayTarget(), error.getMessage());
        statusMessage.set("Could not connect to " + item.name() + ".");
        services.tasks()
                .run(
                        cancel -> services.tester()
                                .test(item.profile(), credentials, step -> {}, new CancellationToken()),
                        (ConnectionReport report) -> {
                            Failure failure = report.failure()
                                    .orElse(new Failure(
                                            "The connection failed",
                                            "Opening the connection failed, but a fresh test then succeeded: the"
                                                    + " problem may have been temporary.",
                                            "Try connecting again.",
                                            ""));
                            services.dialogs()
                                    .showError(
                                            failure.title(),
                                            failure.explanation() + "\n\nWhat to do: " + failure.remedy());
                        },
                        testError ->
                                services.dialogs().showError("Could not connect to " + item.name(), describe(error)));
    }

    /** Disconnects the selected profile. */
    public void disconnectSelected() {
        if (selected.get() != null) {
            disconnect(selected.get());
        }
    }

    /** Closes the profile's pools; its tabs close as it leaves {@link #openConnections()}. */
    public void disconnect(ProfileItem item) {
        if (!isConnected(item.id())) {
            return;
        }
        List<QueryTabModel> open = editors.withOpenTransaction(item.id());
        if (!open.isEmpty()
                && !services.dialogs()
                        .confirm(
                                "Disconnect from " + item.name() + "?",
                                open.stream()
                                                .map(tab -> "“"
                                                        + tab.titleProperty().get() + "”")
                                                .collect(java.util.stream.Collectors.joining(", "))
                                        + (open.size() == 1 ? " has" : " have")
                                        + " an open transaction. Disconnecting rolls it back; nothing is committed.",
                                "Roll Back and Disconnect")) {
            return;
        }
        List<QuerySession> sessions = editors.detach(item.id());
        openConnections.removeIf(each -> each.profile().id().equals(item.id()));
        statusMessage.set("Disconnected from " + item.name() + ".");
        refreshPoolStatus();
        services.tasks()
                .run(
                        cancel -> {
                            sessions.forEach(QuerySession::close);
                            services.pools().close(item.id());
                            return item;
                        },
                        closed -> {},
                        error -> LOG.warn("Closing the pool of {} failed", item.name(), error));
    }

    /** Deletes the selected profile after asking; its stored password is forgotten too. */
    public void deleteSelected() {
        ProfileItem item = selected.get();
        if (item == null || item.sample()) {
            return;
        }
        if (!services.dialogs()
                .confirm(
                        "Delete " + item.name() + "?",
                        "The saved connection " + item.profile().displayTarget()
                                + " and its password in the keyring will be removed. The database itself is"
                                + " not touched.",
                        "Delete")) {
            return;
        }
        disconnect(item);
        List<ConnectionProfile> remaining = savedProfiles().stream()
                .filter(profile -> !profile.id().equals(item.id()))
                .toList();
        PasswordService service = passwords;
        // The file and the keyring are written off the FX thread; the list changes once both are done.
        services.tasks()
                .run(
                        cancel -> {
                            services.profileStore().save(remaining);
                            if (service != null) {
                                service.forget(item.profile());
                            }
                            return item;
                        },
                        deleted -> {
                            profiles.remove(deleted);
                            statusMessage.set("Deleted " + deleted.name() + ".");
                        },
                        error -> services.dialogs().showError("Could not delete " + item.name(), describe(error)));
    }

    /** Starts the sample database (once) and connects to it. */
    public void openSampleDatabase() {
        if (sample != null) {
            profiles.stream().filter(ProfileItem::sample).findFirst().ifPresent(item -> {
                selected.set(item);
                connect(item);
            });
            return;
        }
        if (sampleStarting.get()) {
            return;
        }
        sampleStarting.set(true);
        statusMessage.set("Starting the sample database…");
        services.tasks()
                .run(
                        cancel -> services.sampleStarter()
                                .start(line -> Platform.runLater(() -> statusMessage.set("Sample database: " + line))),
                        started -> {
                            sampleStarting.set(false);
                            sample = started;
                            ProfileItem item = new ProfileItem(started.profile(), true);
                            memoryPasswords.put(item.id(), started.password());
                            profiles.add(item);
                            selected.set(item);
                            connect(item);
                            runAfterSampleStarts();
                        },
                        error -> {
                            sampleStarting.set(false);
                            afterSampleStarts = null;
                            statusMessage.set("The sample database did not start.");
                            services.dialogs().showError("The sample database did not start", describe(error));
                        });
    }

    // Commands: SQL editors

    /** Opens a new SQL editor on the selected connection, connecting first when needed. */
    public void newEditor() {
        ProfileItem item = selected.get();
        if (item == null) {
            statusMessage.set("Select a connection first, then open a SQL editor on it.");
            return;
        }
        Optional<OpenConnection> open = openConnection(item.id());
        if (open.isPresent()) {
            editors.newTab(item.profile(), new QuerySession(open.get().session()));
        } else {
            connect(item); // a connected profile without an editor gets one
        }
    }

    /** Opens a .sql file in a new editor on the selected connection. */
    public void openSqlFile() {
        ProfileItem item = selected.get();
        if (item == null) {
            services.dialogs()
                    .showInfo(
                            "Choose a connection", "Select the connection the file's statements should run on first.");
            return;
        }
        editors.openFile(
                item.profile(),
                profileId -> openConnection(profileId)
                        .map(open -> new QuerySession(open.session()))
                        .orElse(null));
    }

    private Optional<OpenConnection> openConnection(String profileId) {
        return openConnections.stream()
                .filter(open -> open.profile().id().equals(profileId))
                .findFirst();
    }

    private void connectFor(QueryTabModel tab) {
        Optional<ProfileItem> item = profiles.stream()
                .filter(each -> each.id().equals(tab.profileId()))
                .findFirst();
        if (item.isPresent()) {
            selected.set(item.get());
            connect(item.get());
        } else if (SampleDatabase.PROFILE_ID.equals(tab.profileId())) {
            openSampleDatabase();
        } else {
            statusMessage.set("This editor's connection no longer exists; copy the text into an editor of another"
                    + " connection.");
        }
    }

    /** Puts a statement from the history into a new editor on its connection (or the selected one). */
    public void openInEditor(HistoryEntry entry) {
        Optional<ProfileItem> item = profiles.stream()
                .filter(each -> each.id().equals(entry.profileId()))
                .findFirst()
                .or(() -> Optional.ofNullable(selected.get()));
        if (item.isEmpty()) {
            statusMessage.set("Select a connection first, then open the statement in an editor on it.");
            return;
        }
        QuerySession session = openConnection(item.get().id())
                .map(open -> new QuerySession(open.session()))
                .orElse(null);
        if (!entry.parameters().isEmpty()) {
            // Running it again offers the values it ran with then.
            Map<String, RememberedValue> values = new LinkedHashMap<>();
            entry.parameters()
                    .forEach(parameter -> values.put(
                            parameter.label(),
                            parameter.value() == null
                                    ? RememberedValue.sqlNull()
                                    : RememberedValue.of(parameter.value())));
            services.tasks()
                    .run(
                            cancel -> {
                                services.parameterMemory().remember(entry.statement(), values);
                                return values;
                            },
                            remembered -> {},
                            error -> LOG.warn("Could not remember the history entry's parameter values", error));
        }
        QueryTabModel tab = editors.newTab(item.get().profile(), session);
        tab.textProperty().set(entry.statement());
        statusMessage.set("The statement is in a new editor: press Ctrl+Enter to run it again.");
    }

    /**
     * Opens {@code sql} in a new editor on the profile (the monitor's Open in Editor) and shows the
     * parameter panel for its {@code $n} placeholders without running it.
     */
    public void openInEditor(String profileId, String sql) {
        newEditorWith(profileId, sql).ifPresent(tab -> {
            tab.showParameters();
            statusMessage.set("The statement is in a new editor: enter its parameters' values to run it.");
        });
    }

    /**
     * Opens {@code sql} in a new editor on the profile and runs it at once: the navigator's Open Data, whose
     * first rows show in the grid (or whose error shows as any run error would).
     */
    public void openAndRun(String profileId, String sql) {
        newEditorWith(profileId, sql).ifPresent(QueryTabModel::runScript);
    }

    /** A new editor holding {@code sql} on the profile, connected when the profile is; empty when it is gone. */
    private Optional<QueryTabModel> newEditorWith(String profileId, String sql) {
        Optional<ProfileItem> item =
                profiles.stream().filter(each -> each.id().equals(profileId)).findFirst();
        if (item.isEmpty()) {
            statusMessage.set("That connection no longer exists.");
            return Optional.empty();
        }
        QuerySession session = openConnection(profileId)
                .map(open -> new QuerySession(open.session()))
                .orElse(null);
        QueryTabModel tab = editors.newTab(item.get().profile(), session);
        tab.textProperty().set(sql);
        return Optional.of(tab);
    }

    // Commands: saved queries

    /** The saved queries tab's model, one for the window so every change through pgdesk reloads it. */
    public SavedQueriesModel savedQueries() {
        if (savedQueries == null) {
            savedQueries = new SavedQueriesModel(
                    services.savedQueries(), services.tasks(), services.dialogs(), this::profileName);
        }
        return savedQueries;
    }

    /**
     * The "Save as Saved Query" dialog for {@code sql} of an editor: its connection, the parameter panel's
     * values as defaults, and the saved query the editor came from (saving again replaces it).
     */
    public SaveQueryModel saveQueryDialog(QueryTabModel editor, String sql) {
        return SaveQueryModel.forEditor(
                services.savedQueries(),
                services.tasks(),
                services.dialogs(),
                editor.profileId(),
                editor.profileName(),
                editor.savedQueryProperty().get(),
                sql,
                editor.parameterValues(),
                editor.parameterTypes());
    }

    /** The dialog that edits a saved query; a global one offers the selected connection as the other scope. */
    public SaveQueryModel editSavedQueryDialog(SavedQuery query) {
        String profileId = query.isGlobal()
                ? Optional.ofNullable(selected.get()).map(ProfileItem::id).orElse(null)
                : query.profileId();
        return SaveQueryModel.forEdit(
                services.savedQueries(),
                services.tasks(),
                services.dialogs(),
                profileId,
                profileId == null ? null : profileName(profileId).orElse("deleted connection"),
                query);
    }

    /** A dialog stored {@code query}: the editor it came from (if any) now belongs to it; the list reloads. */
    public void savedQueryStored(QueryTabModel editor, SavedQuery query) {
        if (editor != null) {
            editor.savedQueryProperty().set(query);
        }
        savedQueries().reload();
        String command = commandLineProfile(query)
                .map(profile -> SavedQueryCommandLine.of(query, profile))
                .orElseGet(() -> query.isGlobal()
                        ? SavedQueryCommandLine.withProfileToChoose(query)
                        : SavedQueryCommandLine.of(query, null));
        statusMessage.set("Saved the query " + query.name() + ". Run it with: " + command);
    }

    /**
     * Opens a saved query in a new editor, its parameter panel starting with the defaults, and runs it when
     * {@code run}. A query of a profile opens on that profile; a global one on the selected connection when it
     * is connected, else the only connected one, else the user picks.
     */
    public void openSavedQuery(SavedQuery query, boolean run) {
        boolean ofSample = SampleDatabase.PROFILE_ID.equals(query.profileId());
        if (ofSample && profiles.stream().noneMatch(ProfileItem::sample)) {
            // The sample is not started yet: start it, then open the query on it.
            afterSampleStarts = () -> openSavedQuery(query, run);
            openSampleDatabase();
            return;
        }
        Optional<ProfileItem> item = profiles.stream()
                .filter(each -> each.id().equals(query.profileId()))
                .findFirst()
                .or(this::connectionForGlobalQuery);
        if (item.isEmpty()) {
            statusMessage.set("Choose a connection for " + query.name() + " first.");
            return;
        }
        QuerySession session = openConnection(item.get().id())
                .map(open -> new QuerySession(open.session()))
                .orElse(null);
        QueryTabModel tab = editors.newTab(item.get().profile(), session);
        tab.titleProperty().set(query.name());
        tab.textProperty().set(query.sql());
        tab.savedQueryProperty().set(query);
        Map<String, String> defaults = new LinkedHashMap<>();
        query.parameters()
                .forEach(parameter ->
                        parameter.defaultValueIfAny().ifPresent(value -> defaults.put(parameter.label(), value)));
        tab.presetParameters(defaults);
        if (run) {
            tab.runScript();
        } else {
            tab.showParameters();
            statusMessage.set("The saved query " + query.name() + " is in a new editor on "
                    + item.get().name() + ": press Ctrl+Shift+Enter to run it.");
        }
    }

    private void runAfterSampleStarts() {
        Runnable then = afterSampleStarts;
        afterSampleStarts = null;
        if (then != null) {
            then.run();
        }
    }

    private Optional<ProfileItem> connectionForGlobalQuery() {
        ProfileItem chosen = selected.get();
        if (chosen != null && isConnected(chosen.id())) {
            return Optional.of(chosen);
        }
        if (openConnections.size() == 1) {
            String id = openConnections.get(0).profile().id();
            return profiles.stream().filter(each -> each.id().equals(id)).findFirst();
        }
        List<ProfileItem> candidates = profiles.stream()
                .sorted(Comparator.comparing((ProfileItem each) -> !isConnected(each.id()))
                        .thenComparing(each -> each.name().toLowerCase(Locale.ROOT)))
                .toList();
        if (candidates.isEmpty()) {
            services.dialogs().showInfo("No connection", "Add a connection first: a saved query runs on a connection.");
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        return services.dialogs()
                .choose(
                        "Which connection?",
                        "This saved query is for all connections. Which one should it run on?",
                        candidates.stream().map(ProfileItem::name).toList())
                .flatMap(name -> candidates.stream()
                        .filter(each -> each.name().equals(name))
                        .findFirst());
    }

    /**
     * The {@code pgdesk run} command line that runs {@code query}: on its own profile, or for a global query
     * on the selected connection; empty (after saying so) when there is none to name.
     */
    public Optional<String> savedQueryCommandLine(SavedQuery query) {
        Optional<String> profile = commandLineProfile(query);
        if (profile.isEmpty()) {
            services.dialogs()
                    .showInfo(
                            "Choose a connection",
                            "“" + query.name() + "” runs on any connection: select the saved connection the command"
                                    + " should name, then copy it again.");
            return Optional.empty();
        }
        statusMessage.set("Copied the command that runs " + query.name() + ".");
        return Optional.of(SavedQueryCommandLine.of(query, profile.get()));
    }

    /**
     * The profile a command line names: the query's own, or the selected one. The command line knows the sample
     * database by its name, also when the window has not started it.
     */
    private Optional<String> commandLineProfile(SavedQuery query) {
        if (SampleDatabase.PROFILE_ID.equals(query.profileId())) {
            return Optional.of(SampleDatabase.NAME);
        }
        return profileName(query.profileId())
                .or(() -> Optional.ofNullable(selected.get()).map(ProfileItem::name));
    }

    private Optional<String> profileName(String profileId) {
        return profiles.stream()
                .filter(item -> item.id().equals(profileId))
                .map(ProfileItem::name)
                .findFirst();
    }

    /** A monitor of the selected profile's server, on its own monitor session; empty when not connected. */
    public Optional<MonitorModel> newMonitor() {
        ProfileItem item = selected.get();
        if (item == null || !isConnected(item.id())) {
            statusMessage.set("Connect first, then open the monitor.");
            return Optional.empty();
        }
        return Optional.of(new MonitorModel(
                item.id(),
                item.name(),
                new ServerMonitor(services.pools().monitor(item.id())),
                services.tasks(),
                services.dialogs(),
                sql -> openInEditor(item.id(), sql)));
    }

    public HistoryStore history() {
        return services.history();
    }

    public EditorWorkspace editors() {
        return editors;
    }

    // Commands: the connection dialog

    /** A dialog model for a new profile; empty until the keyring probe has finished. */
    public Optional<ConnectionDialogModel> newProfileDialog() {
        return dialogContext().map(ConnectionDialogModel::forNewProfile);
    }

    /** A dialog model that edits the selected saved profile. */
    public Optional<ConnectionDialogModel> editSelectedDialog() {
        ProfileItem item = selected.get();
        if (item == null || item.sample()) {
            return Optional.empty();
        }
        return dialogContext().map(context -> ConnectionDialogModel.forExistingProfile(context, item.profile()));
    }

    /** The dialog saved {@code profile} (already written to the store): show it in the sidebar. */
    public void profileSaved(ConnectionProfile profile) {
        ProfileItem item = new ProfileItem(profile, false);
        profiles.removeIf(existing -> existing.id().equals(profile.id()));
        profiles.add(item);
        selected.set(item);
        statusMessage.set(
                isConnected(profile.id())
                        ? "Saved " + item.name() + ". Disconnect and connect again to use the changes."
                        : "Saved " + item.name() + ".");
    }

    private Optional<ConnectionDialogModel.Context> dialogContext() {
        if (passwords == null) {
            statusMessage.set("Still checking for a keyring; try again in a moment.");
            return Optional.empty();
        }
        return Optional.of(new ConnectionDialogModel.Context(
                services.profileStore(),
                savedProfiles(),
                passwords,
                services.tasks(),
                services.tester(),
                services.environment()));
    }

    // Commands: status bar

    /** Reads the pool of the selected profile into {@link #poolStatusProperty()}; cheap, no I/O. */
    public void refreshPoolStatus() {
        ProfileItem item = selected.get();
        Optional<PoolStats> stats = item == null || !isConnected(item.id())
                ? Optional.empty()
                : services.pools().stats(item.id());
        poolStatus.set(stats.map(MainWindowModel::describe).orElse(""));
    }

    static String describe(PoolStats stats) {
        return "pool: " + stats.active() + " active · " + stats.idle() + " idle · " + stats.waiting() + " waiting (max "
                + stats.maximum() + ")";
    }

    public void showAbout() {
        services.dialogs()
                .showInfo(
                        "About pgdesk",
                        "pgdesk 0.1 — a desktop client for PostgreSQL.\n\nConnections are tested step by step,"
                                + " passwords stay in your keyring, and a sample database is one click away.");
    }

    // Properties

    /** The profiles, sorted by name. */
    public ObservableList<ProfileItem> profiles() {
        return sortedProfiles;
    }

    public ObjectProperty<ProfileItem> selectedProperty() {
        return selected;
    }

    /** The connected profiles, in the order they were connected. */
    public ObservableList<OpenConnection> openConnections() {
        return openConnectionsView;
    }

    public boolean isConnected(String profileId) {
        return openConnections.stream().anyMatch(open -> open.profile().id().equals(profileId));
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolStatusProperty() {
        return poolStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordsReadyProperty() {
        return passwordsReady.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sampleStartingProperty() {
        return sampleStarting.getReadOnlyProperty();
    }

    /** True when a profile is selected and not connected. */
    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null && !isConnected(selected.get().id()), selected, openConnections);
    }

    /** True when the selected profile is connected. */
    public BooleanBinding canDisconnect() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null && isConnected(selected.get().id()), selected, openConnections);
    }

    /** True when a saved (not sample) profile is selected: it can be edited, tested, deleted. */
    public BooleanBinding canEdit() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().sample() && passwordsReady.get(),
                selected,
                passwordsReady);
    }

    /** The runner tabs use for their own background work. */
    public TaskRunner tasks() {
        return services.tasks();
    }

    public DialogService dialogs() {
        return services.dialogs();
    }

    // Internals

    private void showLoaded(ProfileStore.LoadResult result) {
        profiles.removeIf(item -> !item.sample());
        result.profiles().forEach(profile -> profiles.add(new ProfileItem(profile, false)));
        int count = result.profiles().size();
        statusMessage.set(
                count == 0
                        ? "Ready."
                        : "Ready. " + count + (count == 1 ? " saved connection." : " saved connections."));
        result.problem().ifPresent(problem -> {
            statusMessage.set(problem);
            if (result.newerFile()) {
                // Not an error: the connections are there, only saving changes is refused (with the reason).
                services.dialogs().showInfo("Saved connections are from a newer pgdesk", problem);
            } else {
                services.dialogs().showError("Saved connections could not be read", problem);
            }
        });
        restoreEditors();
    }

    /** Brings back last session's editor tabs once the profiles (and so their names) are known. */
    private void restoreEditors() {
        editors.restore(
                profileId -> profiles.stream()
                        .filter(item -> item.id().equals(profileId))
                        .map(ProfileItem::name)
                        .findFirst()
                        .or(() -> SampleDatabase.PROFILE_ID.equals(profileId)
                                ? Optional.of("Sample database")
                                : Optional.empty()),
                problem -> {
                    LOG.warn("Restoring editor tabs: {}", problem);
                    statusMessage.set(problem);
                });
    }

    /** The profiles as saved (the sample is not saved). */
    List<ConnectionProfile> savedProfiles() {
        return profiles.stream()
                .filter(item -> !item.sample())
                .map(ProfileItem::profile)
                .toList();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "An unexpected problem occurred." : message;
    }
}
