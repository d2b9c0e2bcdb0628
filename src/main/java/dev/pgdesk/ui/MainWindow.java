package dev.pgdesk.ui;

import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.ui.connect.ConnectionDialog;
import dev.pgdesk.ui.connect.ConnectionDialogModel;
import dev.pgdesk.ui.history.HistoryModel;
import dev.pgdesk.ui.history.HistoryView;
import dev.pgdesk.ui.monitor.MonitorView;
import dev.pgdesk.ui.overview.OverviewModel;
import dev.pgdesk.ui.overview.OverviewView;
import dev.pgdesk.ui.query.QueryTabModel;
import dev.pgdesk.ui.query.QueryTabView;
import dev.pgdesk.ui.saved.SaveQueryDialog;
import dev.pgdesk.ui.saved.SavedQueriesView;
import dev.pgdesk.ui.saved.SavedQueryActions;
import dev.pgdesk.ui.schema.DdlView;
import dev.pgdesk.ui.schema.NavigatorActions;
import dev.pgdesk.ui.schema.NavigatorModel;
import dev.pgdesk.ui.schema.NavigatorView;
import dev.pgdesk.ui.schema.Navigators;
import dev.pgdesk.ui.theme.Theme;
import dev.pgdesk.ui.theme.Tooltips;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The main window: menu bar, toolbar, the connections sidebar, a tab pane for everything opened, and the
 * status bar. Later features add their tabs with {@link #addTab(Tab, String)}.
 */
public final class MainWindow {
    /** Key in {@link Tab#getProperties()} naming the profile a tab belongs to. */
    private static final String PROFILE_KEY = "pgdesk.profileId";
    /** Key in {@link Tab#getProperties()} holding an editor tab's view. */
    private static final String EDITOR_VIEW_KEY = "pgdesk.editorView";

    private final MainWindowModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final ListView<ProfileItem> sidebarList = new ListView<>();
    private final Timeline poolRefresh;
    private final Navigators navigators;

    public MainWindow(MainWindowModel model) {
        this.model = model;
        this.navigators = new Navigators(model.tasks(), navigatorActions());
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), toolBar()));
        SplitPane split = new SplitPane(sidebar(), workspace());
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(statusBar());

        model.openConnections().addListener((ListChangeListener<OpenConnection>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(open -> {
                    closeTabsOf(open.profile().id());
                    navigators.closed(open.profile().id());
                });
                change.getAddedSubList().forEach(open -> {
                    navigators.opened(open.profile().id(), open.session());
                    openOverview(open);
                });
            }
            sidebarList.refresh();
        });
        model.selectedProperty().addListener((obs, old, item) -> navigators.select(item == null ? null : item.id()));
        navigators.select(
                model.selectedProperty().get() == null
                        ? null
                        : model.selectedProperty().get().id());
        model.editors().tabs().addListener((ListChangeListener<QueryTabModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeEditorTab);
                change.getAddedSubList().forEach(this::addEditorTab);
            }
        });
        poolRefresh = new Timeline(new KeyFrame(Duration.seconds(2), event -> model.refreshPoolStatus()));
        poolRefresh.setCycleCount(Timeline.INDEFINITE);
    }

    /** Puts the window into {@code stage}, shows it and starts loading the profiles. */
    public void show(Stage stage) {
        Scene scene = new Scene(root, 1200, 800);
        Theme.apply(scene);
        stage.setTitle("pgdesk");
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(event -> {
            event.consume();
            quit();
        });
        stage.show();
        // Decoding the icon's six PNGs took the CPU the first frame needed; no one sees the icon a frame later.
        AfterFirstFrame.run(() -> Theme.installAppIcons(stage));
        poolRefresh.play();
        model.start();
    }

    /** Stops the status bar's timer (the window is closing). */
    public void stop() {
        poolRefresh.stop();
    }

    public Parent content() {
        return root;
    }

    /** Adds and selects a tab; with a {@code profileId}, the tab closes when that profile disconnects. */
    public void addTab(Tab tab, String profileId) {
        addTab(tab, profileId, true);
    }

    private void addTab(Tab tab, String profileId, boolean select) {
        if (profileId != null) {
            tab.getProperties().put(PROFILE_KEY, profileId);
        }
        tabs.getTabs().add(tab);
        if (select) {
            tabs.getSelectionModel().select(tab);
        }
    }

    /** Closes every tab of a profile. */
    public void closeTabsOf(String profileId) {
        tabs.getTabs().removeIf(tab -> profileId.equals(tab.getProperties().get(PROFILE_KEY)));
    }

    // Building the window

    private MenuBar menuBar() {
        MenuItem newConnection = item("New Connection…", "menuNewConnection", this::newConnection);
        newConnection.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        MenuItem importUri = item("Import Connection URI…", "menuImportUri", this::importUri);
        MenuItem sample = item("Open Sample Database", "menuSample", model::openSampleDatabase);
        sample.disableProperty().bind(model.sampleStartingProperty());
        MenuItem quit = item("Quit", "menuQuit", this::quit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu("File", null, newConnection, importUri, sample, new SeparatorMenuItem(), quit);

        Menu connection = new Menu("Connection", null, connectionItems("menu"));
        MenuItem monitor = item("Monitor", "menuMonitor", this::openMonitor);
        monitor.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+M"));
        monitor.disableProperty().bind(model.canDisconnect().not());
        connection.getItems().addAll(new SeparatorMenuItem(), monitor);

        MenuItem newEditor = item("New SQL Editor", "menuNewEditor", model::newEditor);
        newEditor.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        newEditor.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem openFile = item("Open SQL File…", "menuOpenFile", model::openSqlFile);
        openFile.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem save = item("Save", "menuSave", () -> currentEditor().ifPresent(tab -> tab.save(false)));
        MenuItem saveAs = item("Save As…", "menuSaveAs", () -> currentEditor().ifPresent(tab -> tab.save(true)));
        MenuItem history = item("Query History", "menuHistory", this::showHistory);
        history.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+H"));
        MenuItem saveQuery = item("Save as Saved Query…", "menuSaveQuery", this::saveQuery);
        saveQuery.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+S"));
        saveQuery
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> currentEditor().isEmpty(),
                        tabs.getSelectionModel().selectedItemProperty()));
        MenuItem savedQueries = item("Saved Queries", "menuSavedQueries", this::showSavedQueries);
        MenuItem closeTab = item("Close Tab", "menuCloseTab", this::closeSelectedTab);
        closeTab.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        Menu sql = new Menu(
                "SQL",
                null,
                newEditor,
                openFile,
                save,
                saveAs,
                closeTab,
                new SeparatorMenuItem(),
                saveQuery,
                savedQueries,
                history);

        Menu help = new Menu("Help", null, item("About pgdesk", "menuAbout", model::showAbout));
        MenuBar bar = new MenuBar(file, connection, sql, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Connect, Disconnect, Edit…, Test Connection…, Delete… — for the menu and the context menu. */
    private MenuItem[] connectionItems(String idPrefix) {
        MenuItem connect = item("Connect", idPrefix + "Connect", model::connectSelected);
        connect.disableProperty().bind(model.canConnect().not());
        MenuItem disconnect = item("Disconnect", idPrefix + "Disconnect", model::disconnectSelected);
        disconnect.disableProperty().bind(model.canDisconnect().not());
        BooleanBinding cannotEdit = model.canEdit().not();
        MenuItem edit = item("Edit…", idPrefix + "Edit", () -> editSelected(false));
        edit.disableProperty().bind(cannotEdit);
        MenuItem test = item("Test Connection…", idPrefix + "Test", () -> editSelected(true));
        test.disableProperty().bind(cannotEdit);
        MenuItem delete = item("Delete…", idPrefix + "Delete", model::deleteSelected);
        delete.disableProperty().bind(cannotEdit);
        return new MenuItem[] {connect, disconnect, new SeparatorMenuItem(), edit, test, new SeparatorMenuItem(), delete
        };
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        Button create = toolButton("＋", "New", "toolNew", "New connection (Ctrl+N)", this::newConnection);
        Button connect =
                toolButton("▶", "Connect", "toolConnect", "Connect to the selected connection", model::connectSelected);
        connect.disableProperty().bind(model.canConnect().not());
        Button disconnect = toolButton(
                "■", "Disconnect", "toolDisconnect", "Disconnect the selected connection", model::disconnectSelected);
        disconnect.disableProperty().bind(model.canDisconnect().not());
        Button test = toolButton(
                "✓", "Test", "toolTest", "Test the selected connection step by step", () -> editSelected(true));
        test.disableProperty().bind(model.canEdit().not());
        Button sample = toolButton(
                "◆", "Sample database", "toolSample", "Start and open the sample database", model::openSampleDatabase);
        sample.disableProperty().bind(model.sampleStartingProperty());
        Button editor = toolButton(
                "✎",
                "SQL Editor",
                "toolNewEditor",
                "Open a SQL editor on the selected connection (Ctrl+T)",
                model::newEditor);
        editor.disableProperty().bind(model.selectedProperty().isNull());
        Button history =
                toolButton("⟲", "History", "toolHistory", "Every statement run (Ctrl+Shift+H)", this::showHistory);
        Button monitor = toolButton(
                "◔",
                "Monitor",
                "toolMonitor",
                "Sessions, locks, connections and slow queries of the selected server (Ctrl+Shift+M)",
                this::openMonitor);
        monitor.disableProperty().bind(model.canDisconnect().not());
        ToolBar bar = new ToolBar(
                create, connect, disconnect, test, new Separator(), editor, history, monitor, new Separator(), sample);
        bar.setId("toolBar");
        return bar;
    }

    private static Button toolButton(String glyph, String text, String id, String tooltip, Runnable action) {
        // A Text, not a Label: it needs no skin of its own, which the window's first frame would wait for.
        Text icon = new Text(glyph);
        icon.getStyleClass().add("tool-icon");
        Button button = new Button(text, icon);
        button.setId(id);
        Tooltips.installLazily(button, tooltip);
        button.getStyleClass().add("tool-button");
        button.setOnAction(event -> action.run());
        return button;
    }

    private Node sidebar() {
        Label title = new Label("Connections");
        title.getStyleClass().add("sidebar-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button("+");
        add.setId("addProfile");
        add.getStyleClass().add("icon-button");
        Tooltips.installLazily(add, "New connection");
        add.setOnAction(event -> newConnection());
        HBox header = new HBox(6, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("sidebar-header");

        sidebarList.setId("profileList");
        sidebarList.setItems(model.profiles());
        sidebarList.setPlaceholder(placeholder());
        sidebarList.setCellFactory(list -> {
            ListCell<ProfileItem> cell = new ProfileCell(model::isConnected);
            cell.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !cell.isEmpty()) {
                    model.connect(cell.getItem());
                }
            });
            return cell;
        });
        // Made on first use: a context menu is a popup window, and the start-up need not pay for it.
        sidebarList.setOnContextMenuRequested(event -> {
            if (sidebarList.getContextMenu() == null) {
                ContextMenu menu = new ContextMenu(connectionItems("context"));
                sidebarList.setContextMenu(menu);
                menu.show(sidebarList, event.getScreenX(), event.getScreenY());
                event.consume();
            }
        });
        sidebarList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            model.selectedProperty().set(item);
            model.refreshPoolStatus();
        });
        model.selectedProperty().addListener((obs, old, item) -> {
            if (sidebarList.getSelectionModel().getSelectedItem() != item) {
                sidebarList.getSelectionModel().select(item);
            }
        });
        VBox.setVgrow(sidebarList, Priority.ALWAYS);
        VBox connections = new VBox(header, sidebarList);
        connections.setId("connectionsPane");
        connections.getStyleClass().add("sidebar");
        connections.setMinHeight(90);
        // The connections on top, the selected connection's objects below, as in DataGrip's database explorer.
        SplitPane sidebar = new SplitPane(connections, navigatorSlot());
        sidebar.setOrientation(javafx.geometry.Orientation.VERTICAL);
        sidebar.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(connections, false); // a taller window makes room for the tree
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(220);
        return sidebar;
    }

    /**
     * Where the object tree goes. The tree is built when a connection first opens or a connected one is selected:
     * before that it has nothing to show, and its controls would only delay the window's first frame.
     */
    private Node navigatorSlot() {
        StackPane slot = new StackPane(NavigatorView.placeholder());
        slot.setAlignment(Pos.TOP_LEFT);
        slot.setMinHeight(0);
        navigators.currentProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends NavigatorModel> obs, NavigatorModel old, NavigatorModel now) {
                if (now != null) {
                    obs.removeListener(this);
                    slot.getChildren().setAll(new NavigatorView(navigators).content());
                }
            }
        });
        return slot;
    }

    private NavigatorActions navigatorActions() {
        return new NavigatorActions() {
            @Override
            public void openAndRun(String profileId, String sql) {
                model.openAndRun(profileId, sql);
            }

            @Override
            public void openInEditor(String profileId, String sql) {
                model.openInEditor(profileId, sql);
            }

            @Override
            public void showDdl(String profileId, String name, String ddl) {
                showDdlTab(profileId, name, ddl);
            }

            @Override
            public void catalogReread(String profileId) {
                model.editors().completionCache(profileId).ifPresent(SnapshotCache::refresh);
            }

            @Override
            public void copy(String text) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(text);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }
        };
    }

    /** Shows DDL in its own tab (one per object; showing it again replaces the text). */
    private void showDdlTab(String profileId, String name, String ddl) {
        String id = "ddl-" + profileId + "-" + name;
        tabs.getTabs().removeIf(tab -> id.equals(tab.getId()));
        DdlView view = new DdlView(ddl, () -> model.openInEditor(profileId, ddl), navigatorActions()::copy);
        Tab tab = new Tab("DDL — " + name, view.content());
        tab.setId(id);
        tab.getStyleClass().add("ddl-tab");
        tab.setUserData(view);
        tab.setTooltip(new Tooltip(name));
        // The highlighter thread stops however the tab goes: closed by the user or with its connection.
        tab.tabPaneProperty().addListener((obs, old, pane) -> {
            if (pane == null) {
                view.dispose();
            }
        });
        addTab(tab, profileId);
    }

    private static Node placeholder() {
        Label label = new Label("No saved connections yet.\nUse + or open the sample database.");
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    private Node workspace() {
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Tab welcome = new Tab(
                "Welcome", new WelcomeView(model::openSampleDatabase, this::newConnection, this::importUri).content());
        welcome.setId("welcomeTab");
        welcome.setClosable(false);
        tabs.getTabs().add(welcome);
        return tabs;
    }

    private Node statusBar() {
        Label message = new Label();
        message.setId("statusMessage");
        message.textProperty().bind(model.statusMessageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pool = new Label();
        pool.setId("poolStatus");
        pool.getStyleClass().add("pool-status");
        pool.textProperty().bind(model.poolStatusProperty());
        HBox bar = new HBox(12, message, spacer, pool);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // Actions that open windows

    private void openOverview(OpenConnection open) {
        OverviewModel overview = new OverviewModel(open.profile(), open.session(), model.tasks());
        Tab tab = new Tab(open.profile().name() + " — Overview", new OverviewView(overview).content());
        tab.setId("overview-" + open.profile().id());
        tab.getStyleClass().add("overview-tab");
        // An editor the user works in keeps the focus when its connection opens.
        Tab current = tabs.getSelectionModel().getSelectedItem();
        addTab(tab, open.profile().id(), current == null || !(current.getUserData() instanceof QueryTabModel));
        overview.refresh();
    }

    private void addEditorTab(QueryTabModel editor) {
        QueryTabView view = new QueryTabView(editor);
        Tab tab = new Tab();
        tab.setId("editor-" + editor.id());
        tab.getStyleClass().add("editor-tab");
        tab.setUserData(editor);
        tab.textProperty()
                .bind(Bindings.when(editor.modifiedProperty()
                                .and(editor.fileProperty().isNotNull()))
                        .then(editor.titleProperty().concat(" •"))
                        .otherwise(editor.titleProperty()));
        tab.setTooltip(new Tooltip(editor.profileName()));
        tab.setContent(view.content());
        tab.setOnCloseRequest(event -> {
            event.consume();
            editor.requestClose(true, () -> model.editors().closed(editor));
        });
        tab.setOnClosed(event -> view.dispose());
        tab.getProperties().put(EDITOR_VIEW_KEY, view);
        editor.setSaveQueryRequest(sql -> saveQuery(editor, sql));
        addTab(tab, null);
        focusWhenShown(tab, view.editor().area());
    }

    /**
     * Gives a new editor the keyboard as soon as it can take it, so what the user types after Ctrl+T (or Open
     * Data, Generate, Open in Editor) lands there: at once when the tab's content is already in the window,
     * else when it gets there, and once more after the events in flight (a menu closing gives focus back).
     */
    private static void focusWhenShown(Tab tab, javafx.scene.Node area) {
        Runnable focus = () -> {
            if (tab.isSelected() && area.getScene() != null) {
                area.requestFocus();
            }
        };
        if (area.getScene() != null) {
            focus.run();
            Platform.runLater(focus);
            return;
        }
        area.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(
                    javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> property,
                    javafx.scene.Scene before,
                    javafx.scene.Scene scene) {
                if (scene != null) {
                    area.sceneProperty().removeListener(this);
                    Platform.runLater(focus);
                }
            }
        });
    }

    private void removeEditorTab(QueryTabModel editor) {
        tabs.getTabs().stream()
                .filter(tab -> tab.getUserData() == editor)
                .findFirst()
                .ifPresent(tab -> {
                    tabs.getTabs().remove(tab);
                    if (tab.getProperties().get(EDITOR_VIEW_KEY) instanceof QueryTabView view) {
                        view.dispose();
                    }
                });
    }

    /**
     * Closes the selected tab as its close button would: an editor's close request still asks about an open
     * transaction or unsaved text.
     */
    private void closeSelectedTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == null || !tab.isClosable()) {
            return;
        }
        javafx.event.Event request = new javafx.event.Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
        javafx.event.Event.fireEvent(tab, request);
        if (request.isConsumed()) {
            return;
        }
        tabs.getTabs().remove(tab);
        if (tab.getOnClosed() != null) {
            javafx.event.Event.fireEvent(tab, new javafx.event.Event(tab, tab, Tab.CLOSED_EVENT));
        }
    }

    private Optional<QueryTabModel> currentEditor() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab != null && tab.getUserData() instanceof QueryTabModel editor
                ? Optional.of(editor)
                : Optional.empty();
    }

    private void showHistory() {
        Optional<Tab> open = tabs.getTabs().stream()
                .filter(tab -> "historyTab".equals(tab.getId()))
                .findFirst();
        if (open.isPresent()) {
            tabs.getSelectionModel().select(open.get());
            ((HistoryModel) open.get().getUserData()).refresh();
            return;
        }
        HistoryModel history = new HistoryModel(model.history(), model.tasks());
        Tab tab = new Tab("History", new HistoryView(history, model::openInEditor).content());
        tab.setId("historyTab");
        tab.setUserData(history);
        addTab(tab, null);
        history.refresh();
    }

    /** Opens the saved queries tab, or selects and reloads it when it is open already. */
    private void showSavedQueries() {
        model.savedQueries().reload();
        Optional<Tab> open = tabs.getTabs().stream()
                .filter(tab -> "savedQueriesTab".equals(tab.getId()))
                .findFirst();
        if (open.isPresent()) {
            tabs.getSelectionModel().select(open.get());
            return;
        }
        SavedQueryActions actions = new SavedQueryActions() {
            @Override
            public void open(SavedQuery query, boolean run) {
                model.openSavedQuery(query, run);
            }

            @Override
            public void edit(SavedQuery query) {
                new SaveQueryDialog(model.editSavedQueryDialog(query))
                        .show(window(), saved -> model.savedQueryStored(null, saved));
            }

            @Override
            public Optional<String> commandLine(SavedQuery query) {
                return model.savedQueryCommandLine(query);
            }
        };
        Tab tab = new Tab("Saved Queries", new SavedQueriesView(model.savedQueries(), actions).content());
        tab.setId("savedQueriesTab");
        addTab(tab, null);
    }

    /** Saves the current editor's selection, or all its text, as a saved query. */
    private void saveQuery() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null
                && tab.getUserData() instanceof QueryTabModel editor
                && tab.getProperties().get(EDITOR_VIEW_KEY) instanceof QueryTabView view) {
            saveQuery(editor, view.textToSave());
        } else {
            model.dialogs().showInfo("Open a SQL editor", "Select the SQL editor whose query you want to save first.");
        }
    }

    private void saveQuery(QueryTabModel editor, String sql) {
        new SaveQueryDialog(model.saveQueryDialog(editor, sql))
                .show(window(), saved -> model.savedQueryStored(editor, saved));
    }

    /** Opens the Monitor tab of the selected connection, or selects it when it is open already. */
    private void openMonitor() {
        ProfileItem item = model.selectedProperty().get();
        if (item == null) {
            return;
        }
        String id = "monitor-" + item.id();
        Optional<Tab> open =
                tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst();
        if (open.isPresent()) {
            tabs.getSelectionModel().select(open.get());
            return;
        }
        model.newMonitor().ifPresent(monitor -> {
            Tab tab = new Tab("Monitor — " + item.name(), new MonitorView(monitor).content());
            tab.setId(id);
            tab.getStyleClass().add("monitor-tab");
            tab.setUserData(monitor);
            // The refresh stops however the tab goes: closed by the user or with its connection.
            tab.tabPaneProperty().addListener((obs, old, pane) -> {
                if (pane == null) {
                    monitor.close();
                }
            });
            addTab(tab, item.id());
            monitor.start();
        });
    }

    private void newConnection() {
        model.newProfileDialog().ifPresent(dialog -> openDialog(dialog, view -> {}));
    }

    private void importUri() {
        model.newProfileDialog().ifPresent(dialog -> openDialog(dialog, ConnectionDialog::focusImport));
    }

    private void editSelected(boolean runTest) {
        model.editSelectedDialog().ifPresent(dialog -> {
            if (runTest) {
                dialog.testConnection();
            }
            openDialog(dialog, view -> {});
        });
    }

    private void openDialog(ConnectionDialogModel dialog, Consumer<ConnectionDialog> beforeShowing) {
        ConnectionDialog view = new ConnectionDialog(dialog);
        Platform.runLater(() -> beforeShowing.accept(view));
        view.showAndWait(window()).ifPresent(model::profileSaved);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void quit() {
        model.requestExit(() -> {
            Window window = window();
            if (window != null) {
                window.hide();
            }
            Platform.exit();
        });
    }
}
