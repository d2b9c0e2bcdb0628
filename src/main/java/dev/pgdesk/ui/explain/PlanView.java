package dev.pgdesk.ui.explain;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The plan tab's content: the rollback note when there is one, the summary with the copy buttons, the plan
 * as a tree table (own time with a share bar, estimated against actual rows, loops, buffers, marks), and the
 * selected node's details beside it.
 */
public final class PlanView {
    private static final PseudoClass EXPENSIVE = PseudoClass.getPseudoClass("expensive");
    private static final PseudoClass WARNED = PseudoClass.getPseudoClass("warned");
    private static final double BAR_WIDTH = 44;

    private final PlanViewModel model;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<PlanRow> tree = new TreeTableView<>();
    private final VBox details = new VBox(1);
    private final Label copied = new Label();

    public PlanView(PlanViewModel model) {
        this.model = model;
        root.setId("planView");
        root.getStyleClass().add("plan-view");
        root.getStylesheets().add(PlanView.class.getResource("plan.css").toExternalForm());
        root.setTop(header());
        buildTree();
        buildDetails();
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setId("planDetailsScroll");
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("plan-details-scroll");
        SplitPane split = new SplitPane(tree, detailsScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(detailsScroll, false);
        root.setCenter(split);
    }

    public Node content() {
        return root;
    }

    /** The tree table, for tests and for focus. */
    public TreeTableView<PlanRow> tree() {
        return tree;
    }

    private Node header() {
        VBox top = new VBox(4);
        top.getStyleClass().add("plan-header");
        model.rollbackMessage().ifPresent(message -> {
            Label rollback = new Label("↶ " + message);
            rollback.setId("planRollback");
            rollback.getStyleClass().add("plan-rollback");
            rollback.setWrapText(true);
            rollback.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(rollback);
        });
        Label summary = new Label(model.summary());
        summary.setId("planSummary");
        summary.getStyleClass().add("plan-summary");
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        Button copyText = new Button("Copy as Text");
        copyText.setId("copyPlanText");
        copyText.setTooltip(new Tooltip("Copy the plan as indented text, with pgdesk's figures and marks"));
        copyText.setOnAction(event -> copy(model.text(), "Plan copied as text."));
        Button copyJson = new Button("Copy JSON");
        copyJson.setId("copyPlanJson");
        copyJson.setTooltip(new Tooltip("Copy the server's EXPLAIN (FORMAT JSON) output as it came"));
        copyJson.setOnAction(event -> copy(model.json(), "The server's JSON copied."));
        copied.setId("planCopied");
        copied.getStyleClass().add("plan-copied");
        copied.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, summary, copied, copyText, copyJson);
        line.setAlignment(Pos.CENTER_LEFT);
        top.getChildren().add(line);
        return top;
    }

    private void copy(String text, String said) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(said);
    }

    // The tree

    private void buildTree() {
        tree.setId("planTree");
        tree.getStyleClass().add("plan-tree");
        tree.setShowRoot(true);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.setRoot(item(model.root()));
        tree.getColumns().add(nodeColumn());
        tree.getColumns().add(ownColumn());
        tree.getColumns().add(rowsColumn());
        // The marks come before loops and buffers so their short text is in sight without scrolling.
        tree.getColumns().add(marksColumn());
        if (model.analyzed()) {
            tree.getColumns().add(textColumn("Loops", "planLoops", 56, PlanRow::loopsText));
            tree.getColumns().add(textColumn("Buffers (shared)", "planBuffers", 130, PlanRow::buffersText));
        }
        tree.setRowFactory(view -> new PlanTreeRow());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedProperty().set(item.getValue());
            }
        });
        select(model.selectedProperty().get());
    }

    private void select(PlanRow row) {
        TreeItem<PlanRow> item = find(tree.getRoot(), row);
        if (item != null) {
            tree.getSelectionModel().select(item);
            int index = tree.getRow(item);
            tree.scrollTo(Math.max(0, index - 3));
        }
    }

    private static TreeItem<PlanRow> find(TreeItem<PlanRow> item, PlanRow row) {
        if (item.getValue() == row) {
            return item;
        }
        for (TreeItem<PlanRow> child : item.getChildren()) {
            TreeItem<PlanRow> found = find(child, row);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Fully expanded: a plan is read top to bottom, and hidden nodes hide where the time went. */
    private static TreeItem<PlanRow> item(PlanRow row) {
        TreeItem<PlanRow> item = new TreeItem<>(row);
        item.setExpanded(true);
        row.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    private static TreeTableColumn<PlanRow, PlanRow> column(String title, String id, double width) {
        TreeTableColumn<PlanRow, PlanRow> column = new TreeTableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        return column;
    }

    private TreeTableColumn<PlanRow, PlanRow> nodeColumn() {
        TreeTableColumn<PlanRow, PlanRow> column = column("Node", "planNode", 285);
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.title());
                setTooltip(empty || row == null ? null : new Tooltip(row.title()));
            }
        });
        return column;
    }

    private TreeTableColumn<PlanRow, PlanRow> ownColumn() {
        TreeTableColumn<PlanRow, PlanRow> column =
                column(model.analyzed() ? "Own time (ms)" : "Own cost", "planOwn", 182);
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Region fill = new Region();
            private final StackPane track = new StackPane(fill);
            private final Label text = new Label();
            private final HBox box = new HBox(6, track, text);

            {
                fill.getStyleClass().add("share-fill");
                track.getStyleClass().add("share-track");
                track.setAlignment(Pos.CENTER_LEFT);
                track.setMinSize(BAR_WIDTH, 10);
                track.setMaxSize(BAR_WIDTH, 10);
                fill.setMaxWidth(Region.USE_PREF_SIZE);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                fill.setPrefWidth(Math.max(0, Math.min(1, row.share())) * BAR_WIDTH);
                text.setText(row.ownText());
                setGraphic(box);
            }
        });
        return column;
    }

    private TreeTableColumn<PlanRow, PlanRow> rowsColumn() {
        TreeTableColumn<PlanRow, PlanRow> column =
                column(model.analyzed() ? "Rows: est. → actual" : "Rows (estimated)", "planRows", 148);
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Label rows = new Label();
            private final Label factor = new Label();
            private final HBox box = new HBox(6, rows, factor);

            {
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                rows.setText(row.rowsText());
                factor.setText(row.misestimateText());
                factor.getStyleClass().removeAll("misestimate", "misestimate-high");
                factor.getStyleClass().add(row.misestimated() ? "misestimate-high" : "misestimate");
                setGraphic(box);
            }
        });
        return column;
    }

    private static TreeTableColumn<PlanRow, PlanRow> textColumn(
            String title, String id, double width, Function<PlanRow, String> text) {
        TreeTableColumn<PlanRow, PlanRow> column = column(title, id, width);
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }

    /** The marks wrap inside their column, so the advice is read whole without hovering. */
    private TreeTableColumn<PlanRow, PlanRow> marksColumn() {
        TreeTableColumn<PlanRow, PlanRow> column = column("Marks", "planMarks", 290);
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("plan-mark-text");
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
            }

            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("plan-mark");
                setText(null);
                if (empty || row == null || row.marksText().isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                text.setText(row.marksText());
                setGraphic(text);
                getStyleClass().add("plan-mark");
                Tooltip tooltip = new Tooltip(row.marksTooltip());
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(520);
                setTooltip(tooltip);
            }
        });
        return column;
    }

    /** Expensive nodes and nodes with warnings stand out in the tree. */
    private static final class PlanTreeRow extends TreeTableRow<PlanRow> {
        @Override
        protected void updateItem(PlanRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(EXPENSIVE, !empty && row != null && row.expensive());
            pseudoClassStateChanged(WARNED, !empty && row != null && row.warned());
        }
    }

    // The details pane

    private void buildDetails() {
        details.setId("planDetails");
        details.getStyleClass().add("plan-details");
        model.details().addListener((ListChangeListener<PlanDetail>) change -> fillDetails());
        fillDetails();
    }

    /** Each label above its value: the pane is narrow, and conditions and marks are long. */
    private void fillDetails() {
        details.getChildren().clear();
        for (PlanDetail detail : model.details()) {
            Label label = new Label(detail.label());
            label.getStyleClass().add("detail-label");
            Label value = new Label(detail.value());
            value.getStyleClass().add("detail-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            if (detail.warning()) {
                label.getStyleClass().add("detail-warning");
                value.getStyleClass().add("detail-warning");
            }
            details.getChildren().addAll(label, value);
        }
    }
}
