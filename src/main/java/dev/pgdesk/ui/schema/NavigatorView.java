package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.SchemaObject;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The navigator in the sidebar: a header with the system-schema toggle and refresh, the filter box, the
 * tree of the selected connection (or a hint to connect), and the selected object's details below it.
 */
public final class NavigatorView {
    /** The pause in typing after which the filter applies. */
    private static final Duration FILTER_PAUSE = Duration.millis(150);

    private final Navigators navigators;
    private final SplitPane root = new SplitPane();
    private final TreeView<NavigatorNode> tree = new TreeView<>();
    private final TextField filter = new TextField();
    private final ToggleButton showSystem = new ToggleButton("System");
    private final Button refresh = new Button("⟳");
    private static final String TITLE = "Database objects";
    private static final String NOT_CONNECTED = "Connect to browse its objects.";

    private final Label hint = notConnectedHint();
    private final VBox details = new VBox(3);
    private final Label detailsName = new Label();
    private final Label detailsKind = new Label();
    private final Label detailsSize = new Label();
    private final Label detailsGrants = new Label();
    private final Label detailsComment = new Label();
    private final Label status = new Label();
    private final PauseTransition filterPause = new PauseTransition(FILTER_PAUSE);
    /** The tree of each navigator, kept while its connection is open so that its expansion stays. */
    private final Map<NavigatorModel, NodeItem> roots = new HashMap<>();

    private final ChangeListener<ObjectDetails> detailsListener = (obs, old, now) -> showDetails(now);
    private NavigatorModel shown;

    public NavigatorView(Navigators navigators) {
        this.navigators = navigators;
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.getItems().addAll(treePane(), detailsPane());
        root.setDividerPositions(0.78);
        root.setId("navigator");
        root.setMinHeight(0);
        root.getStyleClass().add("navigator");
        root.getStylesheets().add(stylesheet());
        navigators.currentProperty().addListener((obs, old, now) -> show(now));
        show(navigators.currentProperty().get());
    }

    public Node content() {
        return root;
    }

    /**
     * What the sidebar shows before any connection has opened, looking as the navigator does then: its title and
     * hint, without the tree and the controls that nothing can use yet.
     */
    public static Node placeholder() {
        Label title = new Label(TITLE);
        title.getStyleClass().add("sidebar-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("sidebar-header");
        VBox pane = new VBox(header, notConnectedHint());
        pane.setId("navigatorPlaceholder");
        pane.getStyleClass().addAll("navigator", "nav-tree-pane");
        pane.getStylesheets().add(stylesheet());
        return pane;
    }

    private static String stylesheet() {
        URL css = Objects.requireNonNull(NavigatorView.class.getResource("navigator.css"), "navigator.css is missing");
        return css.toExternalForm();
    }

    private static Label notConnectedHint() {
        Label label = new Label(NOT_CONNECTED);
        label.setId("schemaHint");
        label.getStyleClass().addAll("hint", "nav-hint");
        label.setWrapText(true);
        return label;
    }

    private Node treePane() {
        Label title = new Label(TITLE);
        title.getStyleClass().add("sidebar-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        showSystem.setId("showSystemSchemas");
        showSystem.getStyleClass().add("nav-toggle");
        showSystem.setTooltip(new Tooltip("Show PostgreSQL's own schemas (pg_catalog, information_schema)"));
        refresh.setId("schemaRefresh");
        refresh.getStyleClass().add("icon-button");
        refresh.setTooltip(new Tooltip("Read the objects again from the server"));
        refresh.setOnAction(event -> current().ifPresent(NavigatorModel::refresh));
        HBox header = new HBox(6, title, spacer, showSystem, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("sidebar-header");

        filter.setId("schemaFilter");
        filter.setPromptText("Filter objects by name");
        filter.getStyleClass().add("nav-filter");
        // Filtering waits for a pause in typing; it is cheap, but a big schema should never lag the keys.
        filterPause.setOnFinished(
                event -> current().ifPresent(model -> model.filterProperty().set(filter.getText())));
        filter.textProperty().addListener((obs, old, now) -> filterPause.playFromStart());
        HBox filterRow = new HBox(filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        filterRow.getStyleClass().add("nav-filter-row");

        tree.setId("schemaTree");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new NavigatorCell(object -> current().ifPresent(m -> m.openData(object))));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (shown != null) {
                shown.select(item == null ? null : item.getValue());
            }
        });
        tree.setOnKeyPressed(event -> {
            TreeItem<NavigatorNode> item = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && item != null && shown != null) {
                item.getValue()
                        .object()
                        .filter(object -> object.kind().hasColumns())
                        .ifPresent(object -> {
                            event.consume();
                            shown.openData(object);
                        });
            }
        });
        ContextMenu menu = new ContextMenu();
        menu.setId("schemaMenu");
        // A context menu without items never shows, so it starts with one; showing fills in the real ones.
        menu.getItems().add(new MenuItem("Refresh"));
        menu.setOnShowing(event -> fillMenu(menu));
        tree.setContextMenu(menu);

        StackPane stack = new StackPane(tree, hint);
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox pane = new VBox(header, filterRow, stack);
        pane.setMinHeight(120);
        tree.setMinHeight(0);
        pane.getStyleClass().add("nav-tree-pane");
        return pane;
    }

    private Node detailsPane() {
        detailsName.setId("detailsName");
        detailsName.getStyleClass().add("nav-details-name");
        detailsKind.setId("detailsKind");
        detailsSize.setId("detailsSize");
        detailsGrants.setId("detailsGrants");
        detailsGrants.getStyleClass().add("nav-details-grants");
        detailsComment.setId("detailsComment");
        detailsComment.getStyleClass().add("hint");
        status.setId("schemaStatus");
        status.getStyleClass().add("nav-status");
        for (Label label : new Label[] {detailsName, detailsKind, detailsSize, detailsGrants, detailsComment, status}) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        details.setId("schemaDetails");
        details.getStyleClass().add("nav-details");
        details.getChildren().addAll(detailsName, detailsKind, detailsSize, detailsGrants, detailsComment, status);
        showDetails(null);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(40);
        scroll.getStyleClass().add("nav-details-scroll");
        return scroll;
    }

    private Optional<NavigatorModel> current() {
        return Optional.ofNullable(shown);
    }

    /** Swaps in the tree of {@code model} (or the hint), keeping every other connection's tree as it was. */
    private void show(NavigatorModel model) {
        if (shown != null) {
            shown.detailsProperty().removeListener(detailsListener);
            showSystem.selectedProperty().unbindBidirectional(shown.showSystemSchemasProperty());
            status.textProperty().unbind();
        }
        roots.keySet().removeIf(each -> navigators.of(each.profileId()).orElse(null) != each);
        shown = null; // no selection events into the old model while the root changes
        if (model == null) {
            tree.setRoot(null);
            tree.setVisible(false);
            hint.setVisible(true);
            filter.setDisable(true);
            showSystem.setDisable(true);
            refresh.setDisable(true);
            status.setText("");
            showDetails(null);
            return;
        }
        tree.setRoot(roots.computeIfAbsent(model, each -> new NodeItem(each.root())));
        tree.setVisible(true);
        hint.setVisible(false);
        filter.setDisable(false);
        showSystem.setDisable(false);
        refresh.setDisable(false);
        filterPause.stop();
        filter.setText(model.filterProperty().get());
        filterPause.stop();
        showSystem.selectedProperty().bindBidirectional(model.showSystemSchemasProperty());
        status.textProperty().bind(model.statusProperty());
        shown = model;
        selectItemOf(model.selectedProperty().get());
        model.detailsProperty().addListener(detailsListener);
        showDetails(model.detailsProperty().get());
    }

    private void selectItemOf(NavigatorNode node) {
        TreeItem<NavigatorNode> item = node == null ? null : find(tree.getRoot(), node);
        if (item == null) {
            tree.getSelectionModel().clearSelection();
        } else {
            tree.getSelectionModel().select(item);
        }
    }

    private static TreeItem<NavigatorNode> find(TreeItem<NavigatorNode> item, NavigatorNode node) {
        if (item == null) {
            return null;
        }
        if (item.getValue() == node) {
            return item;
        }
        for (TreeItem<NavigatorNode> child : item.getChildren()) {
            TreeItem<NavigatorNode> found = find(child, node);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void showDetails(ObjectDetails shownDetails) {
        if (shownDetails == null) {
            detailsName.setText("No object selected");
            detailsKind.setText("Select a table, view or other object to see its size and what you may do with it.");
            detailsSize.setText("");
            detailsGrants.setText("");
            detailsComment.setText("");
            return;
        }
        SchemaObject object = shownDetails.object();
        detailsName.setText(object.toSql());
        detailsKind.setText(shownDetails.kindText());
        if (shownDetails.loading()) {
            detailsSize.setText("Reading size and privileges…");
        } else if (!shownDetails.problem().isEmpty()) {
            detailsSize.setText(shownDetails.problem());
        } else {
            detailsSize.setText(shownDetails.sizeText());
        }
        detailsGrants.setText(shownDetails.grantsText());
        detailsComment.setText(object.comment());
    }

    // The context menu

    private void fillMenu(ContextMenu menu) {
        menu.getItems().clear();
        NavigatorModel model = shown;
        TreeItem<NavigatorNode> item = tree.getSelectionModel().getSelectedItem();
        if (model == null) {
            return;
        }
        NavigatorNode node = item == null ? model.root() : item.getValue();
        MenuItem refreshItem = item("Refresh", "navRefresh", () -> model.refresh(node));
        Optional<SchemaObject> object = node.object();
        if (object.isEmpty()) {
            if (node.definition().isPresent()) {
                menu.getItems().add(item("Show DDL", "navShowDdl", () -> model.showDefinition(node)));
            }
            menu.getItems().add(refreshItem);
            return;
        }
        SchemaObject target = object.get();
        boolean relation = target.kind().hasColumns();
        MenuItem openData = item("Open Data", "navOpenData", () -> model.openData(target));
        openData.setDisable(!relation);
        MenuItem ddl = item("Show DDL", "navShowDdl", () -> model.showDdl(target));
        Menu generate = new Menu("Generate");
        generate.setId("navGenerate");
        generate.setDisable(!relation);
        if (relation) {
            Optional<TemplateOptions> options = Optional.ofNullable(
                            model.detailsProperty().get())
                    .filter(d -> d.object().equals(target))
                    .flatMap(ObjectDetails::templates);
            boolean insert = options.map(TemplateOptions::insert).orElse(true);
            boolean modify = options.map(TemplateOptions::updateAndDelete).orElse(true);
            String reason = options.map(TemplateOptions::reason).orElse("");
            generate.getItems()
                    .addAll(
                            templateItem(model, target, StatementKind.SELECT, true, ""),
                            templateItem(model, target, StatementKind.INSERT, insert, reason),
                            templateItem(model, target, StatementKind.UPDATE, modify, reason),
                            templateItem(model, target, StatementKind.DELETE, modify, reason));
        }
        MenuItem copyName = item("Copy Name", "navCopyName", () -> model.copyName(target));
        menu.getItems().addAll(openData, ddl, generate, new SeparatorMenuItem(), copyName, refreshItem);
    }

    /**
     * A Generate entry; one that cannot be generated is greyed and says why in a tooltip (a disabled menu
     * item would show no tooltip at all).
     */
    private static MenuItem templateItem(
            NavigatorModel model, SchemaObject target, StatementKind kind, boolean available, String reason) {
        Label label = new Label(kind.name());
        label.getStyleClass().add("nav-menu-label");
        CustomMenuItem item = new CustomMenuItem(label);
        item.setId(
                "navGenerate" + kind.name().charAt(0) + kind.name().substring(1).toLowerCase());
        if (available) {
            item.setOnAction(event -> model.generate(target, kind));
        } else {
            // Set on the node itself: the menu's popup does not see the navigator's stylesheet.
            label.setOpacity(0.45);
            Tooltip.install(label, new Tooltip(reason));
            item.setHideOnClick(false);
            item.getProperties().put("unavailable", reason);
        }
        return item;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }
}
