package dev.pgdesk.ui.overview;

import dev.pgdesk.pool.ServerSummary;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Overview tab's content: who and where you are connected, with a visible warning for superusers. */
public final class OverviewView {
    private final OverviewModel model;
    private final VBox root = new VBox(16);

    public OverviewView(OverviewModel model) {
        this.model = model;
        root.getStyleClass().add("overview");

        Label title = new Label(model.profile().name());
        title.getStyleClass().add("headline");
        Label target = new Label(model.profile().displayTarget());
        target.getStyleClass().add("hint");

        Button refresh = new Button("Refresh");
        refresh.setId("refreshOverview");
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setOnAction(event -> model.refresh());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.loadingProperty());
        HBox header = new HBox(12, new VBox(2, title, target), refresh, progress);
        header.setAlignment(Pos.CENTER_LEFT);

        Label warning = new Label("⚠  You are connected as a superuser: every change is allowed, including"
                + " dropping databases. Use a less privileged role for everyday work.");
        warning.setId("superuserWarning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        warning.setMaxWidth(720);
        warning.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.summaryProperty().get() != null
                                && model.summaryProperty().get().superuser(),
                        model.summaryProperty()));
        warning.managedProperty().bind(warning.visibleProperty());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        fact(facts, 0, "Server", "overviewVersion", ServerSummary::serverVersion);
        fact(facts, 1, "User", "overviewUser", ServerSummary::currentUser);
        fact(facts, 2, "Database", "overviewDatabase", ServerSummary::database);
        fact(facts, 3, "SSL", "overviewSsl", ServerSummary::sslDescription);

        Label problem = new Label();
        problem.setId("overviewProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        root.getChildren().addAll(header, warning, facts, problem);
    }

    public Parent content() {
        return root;
    }

    private void fact(GridPane grid, int row, String label, String id, Function<ServerSummary, String> value) {
        Label name = new Label(label);
        name.getStyleClass().add("fact-name");
        Label text = new Label("…");
        text.setId(id);
        text.getStyleClass().add("fact-value");
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.summaryProperty().get() == null
                                ? "…"
                                : value.apply(model.summaryProperty().get()),
                        model.summaryProperty()));
        grid.add(name, 0, row);
        grid.add(text, 1, row);
    }
}
