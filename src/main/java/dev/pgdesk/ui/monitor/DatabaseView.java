package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.DatabaseSize;
import dev.pgdesk.monitor.RelationSize;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Database sub-tab: sizes, the largest relations, and throughput, rows and cache hits over time. */
final class DatabaseView {
    private final BorderPane root = new BorderPane();

    DatabaseView(DatabaseModel model) {
        root.getStyleClass().add("monitor-section");
        Label cacheHit = new Label();
        cacheHit.setId("cacheHitRatio");
        cacheHit.getStyleClass().add("section-summary");
        cacheHit.textProperty().bind(model.cacheHitProperty());
        VBox top = new VBox(cacheHit);
        top.getStyleClass().add("monitor-bar");
        root.setTop(top);

        TableView<DatabaseSize> sizes = new TableView<>();
        sizes.setId("databaseSizes");
        sizes.getStyleClass().add("monitor-table");
        sizes.setPlaceholder(new Label("Reading sizes…"));
        sizes.setItems(sorted(model.sizes(), sizes));
        sizes.getColumns()
                .setAll(List.of(
                        Columns.plain("Database", 160, DatabaseSize::name, text -> text),
                        Columns.size("Size", 110, DatabaseSize::bytes, DatabaseSize::pretty)));
        sizes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<RelationSize> relations = new TableView<>();
        relations.setId("largestRelations");
        relations.getStyleClass().add("monitor-table");
        relations.setPlaceholder(new Label("Reading the largest tables and indexes…"));
        relations.setItems(sorted(model.relations(), relations));
        relations
                .getColumns()
                .setAll(List.of(
                        Columns.plain("Kind", 70, RelationSize::kind, text -> text),
                        Columns.plain("Schema", 70, RelationSize::schema, text -> text),
                        Columns.plain("Name", 170, RelationSize::name, text -> text),
                        Columns.size("Size", 80, RelationSize::totalBytes, RelationSize::pretty),
                        Columns.plain("Table", 120, RelationSize::table, text -> text)));
        relations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(relations, Priority.ALWAYS);
        SplitPane tables = new SplitPane(titled("Databases", sizes), titled("Largest tables and indexes", relations));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.35);

        LineChart<Number, Number> throughput =
                Charts.lineChart("transactionsChart", "Transactions per second", "per s");
        LineChart<Number, Number> rows = Charts.lineChart("rowsChart", "Rows per second", "per s");
        LineChart<Number, Number> cache = Charts.lineChart("cacheHitChart", "Cache hit ratio", "%");
        Charts.fixedRange(cache, 0, 100);
        model.throughputProperty().addListener((obs, old, now) -> Charts.show(throughput, now));
        model.rowsProperty().addListener((obs, old, now) -> Charts.show(rows, now));
        model.cacheHitSeriesProperty().addListener((obs, old, now) -> Charts.show(cache, now));
        SplitPane charts = new SplitPane(throughput, rows, cache);
        charts.setOrientation(Orientation.VERTICAL);

        SplitPane split = new SplitPane(tables, charts);
        split.setDividerPositions(0.5);
        root.setCenter(split);
    }

    Node content() {
        return root;
    }

    private static <T> SortedList<T> sorted(javafx.collections.ObservableList<T> items, TableView<T> table) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    private static Node titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, label, table);
        box.getStyleClass().add("titled-table");
        return box;
    }
}
