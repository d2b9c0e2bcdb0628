package dev.pgdesk.ui.monitor;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A Monitor tab's content: the refresh interval and status line, the privilege note, and the sub-tabs
 * Activity, Blocking, Connections, Slow Queries and Database.
 */
public final class MonitorView {
    private static final String STYLESHEET = "monitor.css";

    private final MonitorModel model;
    private final BorderPane root = new BorderPane();

    public MonitorView(MonitorModel model) {
        this.model = model;
        root.getStyleClass().add("monitor");
        root.getStylesheets()
                .add(Objects.requireNonNull(MonitorView.class.getResource(STYLESHEET), "monitor.css is missing")
                        .toExternalForm());
        root.setTop(new VBox(header(), privilegeNote()));
        root.setCenter(sections());
    }

    public Parent content() {
        return root;
    }

    private Node header() {
        Label title = new Label("Monitor — " + model.profileName());
        title.getStyleClass().add("monitor-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.setId("monitorStatus");
        status.getStyleClass().add("monitor-status");
        status.textProperty().bind(model.statusProperty());
        model.failingProperty().addListener((obs, old, failing) -> {
            status.getStyleClass().remove("failing");
            if (failing) {
                status.getStyleClass().add("failing");
            }
        });
        ChoiceBox<RefreshInterval> interval = new ChoiceBox<>();
        interval.setId("monitorInterval");
        interval.getItems().setAll(RefreshInterval.values());
        interval.valueProperty().bindBidirectional(model.intervalProperty());
        interval.setTooltip(new Tooltip("How often the monitor reads the server"));
        Button refresh = new Button("Refresh Now");
        refresh.setId("monitorRefresh");
        refresh.setOnAction(event -> model.refreshNow());
        HBox header = new HBox(10, title, spacer, status, new Label("Refresh:"), interval, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("monitor-header");
        return header;
    }

    private Node privilegeNote() {
        Label note = new Label();
        note.setId("privilegeNote");
        note.getStyleClass().add("warning-banner");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(model.privilegeNoteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        HBox box = new HBox(note);
        HBox.setHgrow(note, Priority.ALWAYS);
        box.getStyleClass().add("privilege-note-box");
        box.visibleProperty().bind(note.visibleProperty());
        box.managedProperty().bind(note.visibleProperty());
        return box;
    }

    private Node sections() {
        TabPane tabs = new TabPane(
                tab(
                        "Activity",
                        "monitorActivityTab",
                        MonitorSection.ACTIVITY,
                        new ActivityView(model.activity()).content()),
                tab(
                        "Blocking",
                        "monitorBlockingTab",
                        MonitorSection.BLOCKING,
                        new BlockingView(model.blocking()).content()),
                tab(
                        "Connections",
                        "monitorConnectionsTab",
                        MonitorSection.CONNECTIONS,
                        new ConnectionsView(model.connections()).content()),
                tab(
                        "Slow Queries",
                        "monitorSlowQueriesTab",
                        MonitorSection.SLOW_QUERIES,
                        new SlowQueriesView(model.slowQueries()).content()),
                tab(
                        "Database",
                        "monitorDatabaseTab",
                        MonitorSection.DATABASE,
                        new DatabaseView(model.database()).content()));
        tabs.setId("monitorTabs");
        tabs.getStyleClass().add("monitor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getUserData() instanceof MonitorSection section) {
                model.sectionProperty().set(section);
            }
        });
        return tabs;
    }

    private static Tab tab(String title, String id, MonitorSection section, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setUserData(section);
        return tab;
    }
}
