package dev.pgdesk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class PgdeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("pgdesk");
        stage.setScene(new Scene(new BorderPane(), 1200, 800));
        stage.show();
    }
}
