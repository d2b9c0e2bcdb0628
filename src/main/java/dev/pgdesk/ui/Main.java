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
        beforeLaunch();
        Application.launch(PgdeskApp.class, args);
    }

    /**
     * Work that need not hold up the window, begun on background threads while the JavaFX toolkit starts:
     * logging's configuration and the services' class set-up. The start-up benchmark's probe calls it too.
     */
    public static void beforeLaunch() {
        Logging.installInBackground();
        StartupWarmup.begin();
    }
}
