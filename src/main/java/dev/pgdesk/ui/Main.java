package dev.pgdesk.ui;

import javafx.application.Application;

/**
 * Starts the GUI. A plain main class (not the {@link Application} subclass) so that the app also starts
 * from a classpath with JavaFX on it, not only from the module path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(PgdeskApp.class, args);
    }
}
