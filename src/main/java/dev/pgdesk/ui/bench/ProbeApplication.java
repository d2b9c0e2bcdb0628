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
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Shows the main window or one of the reference windows (empty, minimal, layout), then records when the first frame
 * after showing it was rendered.
 */
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
            stage.setScene(new Scene(referenceWindow(window), 1200, 800));
            stage.show();
        }
        new FirstFrame().start();
    }

    private static Parent referenceWindow(String window) {
        return switch (window) {
            case "minimal" -> minimalWindow();
            case "layout" -> layoutWindow();
            default -> new StackPane();
        };
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

    /**
     * pgdesk's main window as stock JavaFX controls with the default theme and nothing of pgdesk's: a menu bar with
     * four menus, a toolbar with eight buttons, a connection list over an object pane beside a tab pane with one tab,
     * and a status bar. It shows what the arrangement alone costs, before any stylesheet, text or code of pgdesk's.
     */
    private static Parent layoutWindow() {
        ToolBar toolBar = new ToolBar(
                new Button("New"),
                new Button("Connect"),
                new Button("Disconnect"),
                new Button("Test"),
                new Separator(),
                new Button("SQL Editor"),
                new Button("History"),
                new Button("Monitor"),
                new Separator(),
                new Button("Sample database"));
        VBox top = new VBox(
                new MenuBar(new Menu("File"), new Menu("Connection"), new Menu("SQL"), new Menu("Help")), toolBar);
        ListView<String> connections = new ListView<>();
        connections.setPlaceholder(new Label("No saved connections yet."));
        VBox.setVgrow(connections, Priority.ALWAYS);
        SplitPane sidebar = new SplitPane(
                new VBox(new Label("Connections"), connections), new Label("Connect to see its objects."));
        sidebar.setOrientation(Orientation.VERTICAL);
        Tab welcome = new Tab("Welcome", new Label("Welcome"));
        welcome.setClosable(false);
        SplitPane center = new SplitPane(sidebar, new TabPane(welcome));
        center.setDividerPositions(0.22);
        HBox status = new HBox(new Label("Ready."), new Label("No pool"));
        return new BorderPane(center, top, null, status, null);
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
