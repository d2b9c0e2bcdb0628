package dev.pgdesk.ui.bench;

import dev.pgdesk.ui.PgdeskApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Shows the main window, an empty one or a minimal one, then records when the first frame after showing it was rendered. */
public final class ProbeApplication extends Application {
    /** The spawn time (epoch milliseconds) set by the benchmark just before it started this process. */
    static final String SPAWNED_AT = "pgdesk.probe.spawnedAt";
    /** The file that receives the measured milliseconds. */
    static final String RESULT_FILE = "pgdesk.probe.result";

    private PgdeskApp app;

    @Override
    public void start(Stage stage) {
        String window = getParameters().getRaw().get(0);
        if (window.equals("main")) {
            app = new PgdeskApp();
            app.start(stage);
        } else {
            stage.setTitle(window);
            stage.setScene(new Scene(window.equals("minimal") ? minimalWindow() : new StackPane(), 1200, 800));
            stage.show();
        }
        new FirstFrame().start();
    }

    /**
     * The least a desktop application's main window has: a menu bar, a toolbar and some text. It shows what the
     * first controls of any JavaFX window cost, as a reference between the empty window and pgdesk's.
     */
    private static Parent minimalWindow() {
        VBox top = new VBox(
                new MenuBar(new Menu("File"), new Menu("Edit"), new Menu("Help")),
                new ToolBar(new Button("New"), new Button("Open")));
        return new BorderPane(new Label("Content"), top, null, new Label("Ready."), null);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** A pulse runs layout, CSS and rendering; the second pulse after showing means one full frame is on screen. */
    private static final class FirstFrame extends AnimationTimer {
        private int pulses;

        @Override
        public void handle(long now) {
            if (++pulses < 2) {
                return;
            }
            stop();
            record(System.currentTimeMillis());
            Platform.exit();
        }
    }

    private static void record(long renderedAt) {
        String spawnedAt = System.getProperty(SPAWNED_AT);
        String resultFile = System.getProperty(RESULT_FILE);
        if (spawnedAt == null || resultFile == null) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(resultFile), Long.toString(renderedAt - Long.parseLong(spawnedAt)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
