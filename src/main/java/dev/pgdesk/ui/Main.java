package dev.pgdesk.ui;

import dev.pgdesk.config.Logging;
import javafx.application.Application;

/**
 * Starts the GUI. A plain main class (not the {@link Application} subclass) so that the app also starts
 * from a classpath with JavaFX on it, not only from the module path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Logging.install();
        Application.launch(PgdeskApp.class, args);
    }
}
