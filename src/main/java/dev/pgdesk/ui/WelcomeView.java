package dev.pgdesk.ui;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Welcome tab: what pgdesk is, and the three ways to get connected. */
final class WelcomeView {
    private final VBox root = new VBox(18);

    WelcomeView(Runnable openSample, Runnable newConnection, Runnable importConnectionUri) {
        root.setId("welcome");
        root.getStyleClass().add("welcome");
        root.setAlignment(Pos.TOP_LEFT);

        Label headline = new Label("Welcome to pgdesk");
        headline.getStyleClass().add("welcome-headline");
        Label pitch = new Label("A fast, friendly desktop client for PostgreSQL: connect safely, explore, query.");
        pitch.getStyleClass().add("welcome-pitch");
        pitch.setWrapText(true);

        Button sample = bigButton("openSampleButton", "Open sample database", "A local PostgreSQL with demo data");
        sample.setOnAction(event -> openSample.run());
        Button create =
                bigButton("newConnectionButton", "New connection", "Host, port, user, SSL — tested step by step");
        create.setOnAction(event -> newConnection.run());
        Button importUri = bigButton("importUriButton", "Import connection URI", "Paste postgresql://… or key=value");
        importUri.setOnAction(event -> importConnectionUri.run());
        HBox buttons = new HBox(16, sample, create, importUri);

        Label hints = new Label("Tips:  double-click a connection in the sidebar to connect  ·  Ctrl+N creates a"
                + " connection  ·  passwords go to your system keyring or are asked for, never into pgdesk's files");
        hints.getStyleClass().add("hint");
        hints.setWrapText(true);

        root.getChildren().addAll(headline, pitch, buttons, hints);
    }

    private static Button bigButton(String id, String title, String subtitle) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("big-button-title");
        Label subtitleLabel = new Label(subtitle);
        subtitleLabel.getStyleClass().add("big-button-subtitle");
        subtitleLabel.setWrapText(true);
        VBox text = new VBox(4, titleLabel, subtitleLabel);
        Button button = new Button();
        button.setGraphic(text);
        button.setText(title);
        button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        button.setId(id);
        button.getStyleClass().add("big-button");
        button.setPrefSize(240, 96);
        return button;
    }

    Parent content() {
        return root;
    }
}
