package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.ConnectionCounts;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Connections sub-tab: used against usable slots with a warning near the limit, by state, over time. */
final class ConnectionsView {
    private final ConnectionsModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane states = new GridPane();
    private final ProgressBar gauge = new ProgressBar(0);
    private final LineChart<Number, Number> chart = Charts.lineChart("connectionsChart", "Connections", "connections");

    ConnectionsView(ConnectionsModel model) {
        this.model = model;
        root.getStyleClass().add("monitor-section");
        Label usage = new Label();
        usage.setId("connectionUsage");
        usage.getStyleClass().add("section-summary");
        usage.setWrapText(true);
        usage.textProperty().bind(model.usageProperty());
        gauge.setId("connectionGauge");
        gauge.setPrefWidth(320);
        Label warning = new Label();
        warning.setId("connectionWarning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        states.setId("connectionStates");
        states.getStyleClass().add("facts");
        VBox top = new VBox(8, usage, gauge, warning, states);
        top.getStyleClass().add("monitor-bar");
        root.setTop(top);
        Charts.wholeNumbers(chart);
        root.setCenter(chart);
        model.countsProperty().addListener((obs, old, now) -> show(now));
        model.seriesProperty().addListener((obs, old, now) -> Charts.show(chart, now));
    }

    Node content() {
        return root;
    }

    private void show(ConnectionCounts counts) {
        gauge.setProgress(Math.min(1, counts.usedShare()));
        gauge.getStyleClass().remove("near-limit");
        if (counts.warning().isPresent()) {
            gauge.getStyleClass().add("near-limit");
        }
        states.getChildren().clear();
        int column = 0;
        for (Map.Entry<String, Integer> entry : model.byState()) {
            Label count = new Label(String.valueOf(entry.getValue()));
            count.getStyleClass().add("state-count");
            Label state = new Label(entry.getKey());
            state.getStyleClass().add("fact-name");
            HBox cell = new HBox(6, count, state);
            states.add(cell, column++, 0);
        }
    }
}
