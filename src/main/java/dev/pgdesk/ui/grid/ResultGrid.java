package dev.pgdesk.ui.grid;

import dev.pgdesk.grid.CellText;
import dev.pgdesk.grid.CopyFormat;
import dev.pgdesk.grid.CopyFormats;
import dev.pgdesk.grid.RowSource;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.TaskRunner;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * A result grid: a virtualized table over rows pulled in batches from a {@link RowSource}, loading more as
 * the user scrolls near the end or all at once up to a memory cap, with sorting and filtering of the loaded
 * rows, cell selection, copying in several formats, and a panel showing the selected value whole.
 *
 * <p>Embed it with {@code new ResultGrid(source, tasks)}, put {@link #content()} in the scene, call {@link
 * #start()}; call {@link #dispose()} when the grid goes away, which closes the source.
 */
public final class ResultGrid {
    private final HBox toolbar = new HBox();
    /** Rows from the end of the loaded ones at which scrolling asks for the next batch. */
    private static final int PREFETCH_ROWS = 100;

    private static final double ROW_HEIGHT = 24;
    private static final double MIN_WIDTH = 56;
    private static final double MAX_WIDTH = 360;
    private static final double CELL_PADDING = 22;
    private static final int WIDTH_SAMPLE_CHARS = 80;
    private static final Duration FILTER_DELAY = Duration.millis(200);

    private final ResultGridModel model;
    private final TableView<Object[]> table = new TableView<>();
    private final TextArea valueText = new TextArea();
    /** The JSON view shows at most this many loaded rows; an export writes them all. */
    private static final int JSON_VIEW_ROWS = 5_000;

    private final TextArea jsonText = new TextArea();
    private final Label valueTitle = new Label();
    private final VBox valuePanel = new VBox(valueTitle, valueText);
    private final SplitPane split = new SplitPane(table);
    private final BorderPane root = new BorderPane();
    private final StringProperty insertTable = new SimpleStringProperty(this, "insertTable", "result");

    /** A grid over {@code source}; nothing is fetched before {@link #start()}. */
    public ResultGrid(RowSource source, TaskRunner tasks) {
        this(new ResultGridModel(source, tasks));
    }

    /** A grid over a prepared model (tests choose the batch size). */
    public ResultGrid(ResultGridModel model) {
        this.model = Objects.requireNonNull(model, "model");
        buildTable();
        root.getStyleClass().add("result-grid");
        root.getStylesheets().add(stylesheet());
        root.setTop(toolbar());
        root.setCenter(split);
        root.setBottom(statusBar());
        buildValuePanel();
        jsonText.setId("jsonView");
        jsonText.setEditable(false);
        jsonText.getStyleClass().add("json-view");
    }

    /** Adds a control of the embedding view (an Export button, say) at the end of the grid's toolbar. */
    public void addAction(Node action) {
        keepWhole(action);
        toolbar.getChildren().add(action);
    }

    /** Buttons keep their full labels in a narrow grid; the filter box gives up the room instead. */
    private static void keepWhole(Node control) {
        if (control instanceof Region) {
            ((Region) control).setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The grid's node. */
    public Node content() {
        return root;
    }

    public ResultGridModel model() {
        return model;
    }

    /** The table, for callers that add their own key bindings. */
    public TableView<Object[]> table() {
        return table;
    }

    /** The table name "Copy as SQL INSERT" writes (default {@code result}); used as written. */
    public StringProperty insertTableProperty() {
        return insertTable;
    }

    /** Fetches the first batch and fits the columns to it. */
    public void start() {
        model.start(this::fitColumnWidths);
    }

    /** Stops loading and closes the source. */
    public void dispose() {
        model.dispose();
    }

    /** The selection as text in {@code format}: the selected rows by the selected columns, in view order. */
    public String selectionAs(CopyFormat format) {
        SortedSet<Integer> rows = new TreeSet<>();
        SortedSet<Integer> columns = new TreeSet<>();
        for (TablePosition<?, ?> position : table.getSelectionModel().getSelectedCells()) {
            rows.add(position.getRow());
            if (position.getTableColumn() != null) {
                columns.add((Integer) position.getTableColumn().getUserData());
            } else {
                // A whole row selected without cells: all columns.
                for (int c = 0; c < model.columns().size(); c++) {
                    columns.add(c);
                }
            }
        }
        List<Column> selectedColumns = new ArrayList<>();
        columns.forEach(c -> selectedColumns.add(model.columns().get(c)));
        List<Object[]> selectedRows = new ArrayList<>(rows.size());
        for (int row : rows) {
            Object[] values = model.items().get(row);
            Object[] projected = new Object[columns.size()];
            int i = 0;
            for (int c : columns) {
                projected[i++] = values[c];
            }
            selectedRows.add(projected);
        }
        return CopyFormats.format(format, selectedColumns, selectedRows, insertTable.get());
    }

    /** Puts the selection on the system clipboard in {@code format}. */
    public void copy(CopyFormat format) {
        if (table.getSelectionModel().getSelectedCells().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(selectionAs(format));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private void buildTable() {
        table.setId("resultTable");
        table.getStyleClass().add("result-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setItems(model.items());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(false);
        table.setPlaceholder(new Label("No rows"));
        List<Column> columns = model.columns();
        for (int c = 0; c < columns.size(); c++) {
            table.getColumns().add(column(c, columns.get(c)));
        }
        table.setRowFactory(view -> new PrefetchingRow());
        table.setSortPolicy(view -> {
            applySortOrder();
            return true;
        });
        table.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copy(CopyFormat.TSV);
                event.consume();
            }
        });
        table.setContextMenu(contextMenu());
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** Makes a header clickable for sorting; the model sorts (by value, off the UI thread), never the table. */
    private static final java.util.Comparator<Object> MODEL_SORTS = (a, b) -> 0;

    private TableColumn<Object[], Object> column(int index, Column column) {
        TableColumn<Object[], Object> tableColumn = new TableColumn<>(column.name());
        tableColumn.setUserData(index);
        tableColumn.setId("column-" + index);
        tableColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()[index]));
        tableColumn.setCellFactory(c -> new GridCell(column.typeName()));
        // The header only sorts a column that has a comparator; the rows are sorted in the model (see
        // applySortOrder), so this one is never called on values.
        tableColumn.setComparator(MODEL_SORTS);
        if (CellText.isNumeric(column.typeName())) {
            tableColumn.getStyleClass().add("numeric-column");
        }
        return tableColumn;
    }

    /** Sorting applies to the loaded rows in the model; the table never reorders its items itself. */
    private void applySortOrder() {
        if (table.getSortOrder().isEmpty()) {
            model.sortBy(-1, true);
            return;
        }
        TableColumn<Object[], ?> first = table.getSortOrder().get(0);
        model.sortBy((Integer) first.getUserData(), first.getSortType() == TableColumn.SortType.ASCENDING);
    }

    /** Widths from the header and the first batch's text, within bounds, so wide values do not dominate. */
    private void fitColumnWidths() {
        // The cells' font (grid.css); a detached Text gets no CSS, so it is set here too.
        Text measure = new Text();
        measure.setFont(Font.font("DejaVu Sans Mono", 12));
        int sample = Math.min(model.items().size(), ResultGridModel.DEFAULT_BATCH);
        for (TableColumn<Object[], ?> tableColumn : table.getColumns()) {
            int index = (Integer) tableColumn.getUserData();
            Column column = model.columns().get(index);
            double width = textWidth(measure, column.name()) + CELL_PADDING + 12;
            for (int row = 0; row < sample && width < MAX_WIDTH; row++) {
                String text = CellText.cell(column.typeName(), model.items().get(row)[index]);
                String shown = text == null ? "NULL" : text;
                if (shown.length() > WIDTH_SAMPLE_CHARS) {
                    shown = shown.substring(0, WIDTH_SAMPLE_CHARS);
                }
                width = Math.max(width, textWidth(measure, shown) + CELL_PADDING);
            }
            tableColumn.setPrefWidth(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width)));
        }
    }

    private static double textWidth(Text measure, String text) {
        measure.setText(GridCell.oneLine(text));
        return measure.getLayoutBounds().getWidth();
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(COPY);
        copy.setOnAction(event -> copy(CopyFormat.TSV));
        Menu copyAs = new Menu("Copy as");
        copyAs.setId("copyAs");
        for (CopyFormat format : CopyFormat.values()) {
            MenuItem item = new MenuItem(format.label());
            item.setId("copyAs-" + format.name());
            item.setOnAction(event -> copy(format));
            copyAs.getItems().add(item);
        }
        MenuItem selectColumn = new MenuItem("Select column");
        selectColumn.setOnAction(event -> selectFocusedColumn());
        MenuItem selectRow = new MenuItem("Select row");
        selectRow.setOnAction(event -> selectFocusedRow());
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setOnAction(event -> table.getSelectionModel().selectAll());
        MenuItem sortAscending = new MenuItem("Sort ascending");
        sortAscending.setId("sortAscending");
        sortAscending.setOnAction(event -> sortFocusedColumn(TableColumn.SortType.ASCENDING));
        MenuItem sortDescending = new MenuItem("Sort descending");
        sortDescending.setId("sortDescending");
        sortDescending.setOnAction(event -> sortFocusedColumn(TableColumn.SortType.DESCENDING));
        MenuItem unsorted = new MenuItem("Load order");
        unsorted.setId("loadOrder");
        unsorted.setOnAction(event -> table.getSortOrder().clear());
        return new ContextMenu(
                copy,
                copyAs,
                new SeparatorMenuItem(),
                selectRow,
                selectColumn,
                selectAll,
                new SeparatorMenuItem(),
                sortAscending,
                sortDescending,
                unsorted);
    }

    /** What a header click does, from the context menu: sort by the focused cell's column. */
    private void sortFocusedColumn(TableColumn.SortType direction) {
        TablePosition<Object[], ?> focused = table.getFocusModel().getFocusedCell();
        if (focused == null || focused.getTableColumn() == null) {
            return;
        }
        TableColumn<Object[], ?> column = focused.getTableColumn();
        column.setSortType(direction);
        table.getSortOrder().setAll(List.of(column));
    }

    private void selectFocusedColumn() {
        TablePosition<Object[], ?> focused = table.getFocusModel().getFocusedCell();
        if (focused != null
                && focused.getTableColumn() != null
                && !model.items().isEmpty()) {
            table.getSelectionModel()
                    .selectRange(0, focused.getTableColumn(), model.items().size() - 1, focused.getTableColumn());
        }
    }

    private void selectFocusedRow() {
        TablePosition<Object[], ?> focused = table.getFocusModel().getFocusedCell();
        if (focused != null && focused.getRow() >= 0 && !table.getColumns().isEmpty()) {
            table.getSelectionModel()
                    .selectRange(
                            focused.getRow(),
                            table.getColumns().get(0),
                            focused.getRow(),
                            table.getColumns().get(table.getColumns().size() - 1));
        }
    }

    private Node toolbar() {
        TextField filter = new TextField();
        filter.setId("gridFilter");
        filter.setPromptText("Filter loaded rows");
        filter.setPrefColumnCount(24);
        // Filtering reads every loaded cell: wait for a pause in typing rather than refilter per key.
        PauseTransition typing = new PauseTransition(FILTER_DELAY);
        typing.setOnFinished(event -> model.filter(filter.getText()));
        filter.textProperty().addListener((observable, old, now) -> typing.playFromStart());

        Button loadAll = new Button("Load all");
        loadAll.setId("loadAll");
        loadAll.getStyleClass().add("grid-button");
        loadAll.disableProperty().bind(model.exhaustedProperty().or(model.capReachedProperty()));
        loadAll.textProperty()
                .bind(Bindings.when(model.loadingAllProperty())
                        .then("Stop loading")
                        .otherwise("Load all"));
        loadAll.setOnAction(event -> {
            if (model.loadingAllProperty().get()) {
                model.stopLoadingAll();
            } else {
                model.loadAll();
            }
        });

        Label capLabel = new Label("Memory cap (MB)");
        capLabel.getStyleClass().add("grid-caption");
        Spinner<Integer> cap =
                new Spinner<>(1, 1_048_576, model.memoryCapMegabytesProperty().get(), 64);
        cap.setId("memoryCap");
        cap.setEditable(true);
        cap.setPrefWidth(96);
        cap.valueProperty().addListener((observable, old, now) -> {
            if (now != null) {
                model.memoryCapMegabytesProperty().set(now);
            }
        });
        model.memoryCapMegabytesProperty().addListener((observable, old, now) -> {
            if (!Objects.equals(cap.getValue(), now.intValue())) {
                cap.getValueFactory().setValue(now.intValue());
            }
        });

        ToggleButton showValue = new ToggleButton("Value panel");
        showValue.setId("valuePanelToggle");
        showValue.getStyleClass().add("grid-button");
        showValue.selectedProperty().addListener((observable, old, shown) -> {
            if (shown) {
                split.getItems().add(valuePanel);
                split.setDividerPositions(0.68);
                showFocusedValue();
            } else {
                split.getItems().remove(valuePanel);
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton showJson = new ToggleButton("JSON");
        showJson.setId("jsonViewToggle");
        showJson.getStyleClass().add("grid-button");
        showJson.setTooltip(new javafx.scene.control.Tooltip(
                "The loaded rows as a JSON array of objects (the first " + JSON_VIEW_ROWS + ")"));
        showJson.selectedProperty().addListener((observable, old, shown) -> {
            if (shown) {
                jsonText.setText("Writing the rows as JSON…");
                root.setCenter(jsonText);
                model.loadedRowsAsJson(JSON_VIEW_ROWS, text -> {
                    if (showJson.isSelected()) {
                        jsonText.setText(text);
                    }
                });
            } else {
                root.setCenter(split);
            }
        });
        List.of(loadAll, capLabel, cap, showValue, showJson).forEach(ResultGrid::keepWhole);
        filter.setMinWidth(120);
        toolbar.getChildren().setAll(filter, spacer, loadAll, capLabel, cap, showValue, showJson);
        toolbar.setSpacing(8);
        toolbar.getStyleClass().add("grid-toolbar");
        return toolbar;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("gridStatus");
        status.getStyleClass().add("grid-status");
        status.textProperty().bind(model.statusProperty());
        model.capReachedProperty().addListener((observable, old, reached) -> {
            status.getStyleClass().remove("grid-status-warning");
            if (reached) {
                status.getStyleClass().add("grid-status-warning");
            }
        });
        HBox bar = new HBox(status);
        bar.getStyleClass().add("grid-statusbar");
        return bar;
    }

    private void buildValuePanel() {
        valuePanel.getStyleClass().add("value-panel");
        valuePanel.setId("valuePanel");
        valueTitle.getStyleClass().add("value-title");
        valueText.setId("valueText");
        valueText.getStyleClass().add("value-text");
        valueText.setEditable(false);
        valueText.setWrapText(true);
        VBox.setVgrow(valueText, Priority.ALWAYS);
        SplitPane.setResizableWithParent(valuePanel, false);
        table.getFocusModel().focusedCellProperty().addListener((observable, old, now) -> showFocusedValue());
        // A sort or filter puts another row under the focused position.
        model.items().addListener((ListChangeListener<Object[]>) change -> showFocusedValue());
    }

    private void showFocusedValue() {
        if (!split.getItems().contains(valuePanel)) {
            return;
        }
        TablePosition<Object[], ?> focused = table.getFocusModel().getFocusedCell();
        if (focused == null
                || focused.getTableColumn() == null
                || focused.getRow() < 0
                || focused.getRow() >= model.items().size()) {
            valueTitle.setText("No cell selected");
            valueText.setText("");
            return;
        }
        int index = (Integer) focused.getTableColumn().getUserData();
        Column column = model.columns().get(index);
        Object value = model.items().get(focused.getRow())[index];
        valueTitle.setText(column.name() + " · " + column.typeName());
        valueText.setText(CellText.detail(column.typeName(), value));
        valueText.getStyleClass().remove("null-value");
        if (value == null) {
            valueText.getStyleClass().add("null-value");
        }
    }

    private static String stylesheet() {
        URL url = Objects.requireNonNull(ResultGrid.class.getResource("grid.css"), "grid.css is missing");
        return url.toExternalForm();
    }

    /**
     * A row that asks for the next batch when it shows one of the last loaded rows. Not while the rows are
     * sorted or filtered: the end of such a view is not the end of the result, and loading there would
     * move rows under the user (or, with a narrow filter, load everything). "Load all" still works.
     */
    private final class PrefetchingRow extends TableRow<Object[]> {
        @Override
        public void updateIndex(int index) {
            super.updateIndex(index);
            if (index >= 0 && index >= model.items().size() - PREFETCH_ROWS && model.showsLoadOrder()) {
                model.loadMore();
            }
        }
    }
}
