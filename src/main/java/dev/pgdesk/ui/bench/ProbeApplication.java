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
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Shows the main window or an empty one, then records when the first frame after showing it was rendered. */
public final class ProbeApplication extends Application {
    /** The spawn time (epoch milliseconds) set by the benchmark just before it started this process. */
    static final String SPAWNED_AT = "pgdesk.probe.spawnedAt";
    /** The file that receives the measured milliseconds. */
    static final String RESULT_FILE = "pgdesk.probe.result";

    private PgdeskApp app;

    @Override
    public void start(Stage stage) {
        if (getParameters().getRaw().get(0).equals("main")) {
            app = new PgdeskApp();
            app.start(stage);
        } else {
            stage.setTitle("empty");
            stage.setScene(new Scene(new StackPane(), 1200, 800));
            stage.show();
        }
        new FirstFrame().start();
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
