package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.BlockingNode;
import dev.pgdesk.monitor.ElapsedText;
import dev.pgdesk.monitor.SessionActivity;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Blocking sub-tab: root blockers with the sessions waiting behind them, and Cancel / Terminate. */
final class BlockingView {
    private final BlockingModel model;
    private final TreeTableView<SessionActivity> tree = new TreeTableView<>();
    private final BorderPane root = new BorderPane();
    private boolean rebuilding;

    BlockingView(BlockingModel model) {
        this.model = model;
        root.getStyleClass().add("monitor-section");
        Label summary = new Label();
        summary.setId("blockingSummary");
        summary.getStyleClass().add("section-summary");
        summary.textProperty().bind(model.summaryProperty());
        Button cancel = new Button("Cancel Query");
        cancel.setId("cancelBlocking");
        cancel.setOnAction(event -> model.cancelSelected());
        Button terminate = new Button("Terminate Session");
        terminate.setId("terminateBlocking");
        terminate.getStyleClass().add("danger");
        terminate.setOnAction(event -> model.terminateSelected());
        cancel.disableProperty().bind(model.selectedProperty().isNull());
        terminate.disableProperty().bind(model.selectedProperty().isNull());
        Label message = new Label();
        message.setId("blockingMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(8, cancel, terminate, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, summary, actions);
        top.getStyleClass().add("monitor-bar");
        root.setTop(top);
        root.setCenter(tree());
        model.rootsProperty().addListener((obs, old, now) -> rebuild(now));
    }

    Node content() {
        return root;
    }

    private Node tree() {
        tree.setId("blockingTree");
        tree.getStyleClass().add("monitor-table");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setPlaceholder(new Label("No session waits for another. Sessions that block others appear here."));
        tree.getColumns()
                .setAll(List.of(
                        column("PID", 110, SessionActivity::pid, String::valueOf),
                        column("User", 100, SessionActivity::user, text -> text),
                        column("State", 150, SessionActivity::state, text -> text),
                        column("Lock wait", 90, SessionActivity::lockWait, ElapsedText::of),
                        column("Lock", 260, SessionActivity::awaitedLock, text -> text),
                        column("Xact age", 80, SessionActivity::transactionAge, ElapsedText::of),
                        column("Query", 420, SessionActivity::query, MonitorText::oneLine)));
        tree.setRowFactory(view -> new TreeTableRow<>() {
            @Override
            protected void updateItem(SessionActivity item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("root-blocker");
                if (!empty && getTreeItem() != null && getTreeItem().getParent() == tree.getRoot()) {
                    getStyleClass().add("root-blocker");
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!rebuilding) {
                model.selectedProperty().set(item == null ? null : item.getValue());
            }
        });
        return tree;
    }

    private static <T> TreeTableColumn<SessionActivity, T> column(
            String title, double width, Function<SessionActivity, T> value, Function<T, String> format) {
        TreeTableColumn<SessionActivity, T> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().getValue() == null
                        ? null
                        : value.apply(cell.getValue().getValue())));
        column.setCellFactory(view -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : format.apply(item));
            }
        });
        return column;
    }

    /** Rebuilds the tree, expanded, keeping the selected pid selected. */
    private void rebuild(List<BlockingNode> roots) {
        SessionActivity selected = model.selectedProperty().get();
        rebuilding = true;
        try {
            TreeItem<SessionActivity> top = new TreeItem<>();
            roots.forEach(node -> top.getChildren().add(item(node)));
            tree.setRoot(top);
            if (selected != null) {
                find(top, selected.pid())
                        .ifPresent(item -> tree.getSelectionModel().select(item));
            }
        } finally {
            rebuilding = false;
        }
    }

    private static TreeItem<SessionActivity> item(BlockingNode node) {
        TreeItem<SessionActivity> item = new TreeItem<>(node.session());
        item.setExpanded(true);
        node.waiting().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    private static java.util.Optional<TreeItem<SessionActivity>> find(TreeItem<SessionActivity> item, int pid) {
        if (item.getValue() != null && item.getValue().pid() == pid) {
            return java.util.Optional.of(item);
        }
        for (TreeItem<SessionActivity> child : item.getChildren()) {
            java.util.Optional<TreeItem<SessionActivity>> found = find(child, pid);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }
}
