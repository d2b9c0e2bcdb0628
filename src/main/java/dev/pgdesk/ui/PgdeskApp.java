package dev.pgdesk.ui;

import dev.pgdesk.ui.dialog.FxDialogService;
import dev.pgdesk.ui.task.FxTaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the services and the main window; on exit, closes pools and the sample. */
public final class PgdeskApp extends Application {
    private FxTaskRunner tasks;
    private MainWindowModel model;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        StartupWarmup.awaitDone();
        tasks = new FxTaskRunner();
        AppServices services = AppServices.forCurrentUser(tasks, new FxDialogService(() -> stage));
        model = new MainWindowModel(services);
        window = new MainWindow(model);
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (model != null) {
            model.shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
