package dev.pgdesk.ui.monitor;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** The monitor's line charts: the last 10 minutes, no animation, no symbols, lines updated in place. */
final class Charts {
    private Charts() {}

    static LineChart<Number, Number> lineChart(String id, String title, String unit) {
        long window = MonitorModel.CHART_WINDOW.toSeconds();
        NumberAxis time = new NumberAxis(-window, 0, 60);
        time.setLabel("seconds ago");
        time.setAutoRanging(false);
        time.setAnimated(false);
        NumberAxis value = new NumberAxis();
        value.setLabel(unit);
        value.setForceZeroInRange(true);
        value.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(time, value);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("monitor-chart");
        chart.setMinHeight(180);
        return chart;
    }

    /** Shows {@code lines} (by name) in {@code chart}, reusing its series so the legend stays still. */
    static void show(LineChart<Number, Number> chart, Map<String, List<ChartPoint>> lines) {
        ObservableList<XYChart.Series<Number, Number>> series = chart.getData();
        series.removeIf(each -> !lines.containsKey(each.getName()));
        lines.forEach((name, points) -> {
            XYChart.Series<Number, Number> line = series.stream()
                    .filter(each -> name.equals(each.getName()))
                    .findFirst()
                    .orElseGet(() -> {
                        XYChart.Series<Number, Number> created = new XYChart.Series<>();
                        created.setName(name);
                        series.add(created);
                        return created;
                    });
            line.getData()
                    .setAll(points.stream()
                            .map(point -> new XYChart.Data<Number, Number>(point.secondsAgo(), point.value()))
                            .toList());
        });
    }

    /** Labels only whole numbers on the value axis: there is no such thing as 1.25 connections. */
    static void wholeNumbers(LineChart<Number, Number> chart) {
        NumberAxis axis = (NumberAxis) chart.getYAxis();
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double number = value.doubleValue();
                return number == Math.rint(number) ? String.valueOf((long) number) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
    }

    /** Fixes the value axis (a percentage reads best from 0 to 100). */
    static void fixedRange(LineChart<Number, Number> chart, double lower, double upper) {
        NumberAxis axis = (NumberAxis) chart.getYAxis();
        axis.setAutoRanging(false);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit((upper - lower) / 4);
    }
}
