package dev.pgdesk.config;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends every library's logging through SLF4J, so it follows one configuration ({@link LogbackSetup}). */
public final class Logging {
    /**
     * JavaFX warns on every start that it was loaded from the class path; pgdesk starts that way on purpose
     * (see the launcher), so the warning tells the user nothing.
     */
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    /** Held so that the filtered logger (and its filter) is not collected: JUL keeps loggers weakly. */
    private static java.util.logging.Logger javafxLogger;

    private Logging() {}

    /** Routes java.util.logging (used by pgjdbc) into SLF4J. Call once at the start of a main method. */
    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Configures logging on a background thread, for the GUI: the window need not wait the ~100 ms it takes.
     * Loggers asked for meanwhile are filled in once it is done; JavaFX's class-path warning is dropped.
     */
    public static void installInBackground() {
        dropJavaFxClassPathWarning();
        Thread thread = new Thread(
                () -> {
                    LoggerFactory.getILoggerFactory();
                    install();
                },
                "pgdesk-logging-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Drops JavaFX's warning that it was loaded from the class path, which pgdesk does on purpose. */
    public static synchronized void dropJavaFxClassPathWarning() {
        if (javafxLogger == null) {
            javafxLogger = java.util.logging.Logger.getLogger("javafx");
            javafxLogger.setFilter(new DropClassPathWarning());
        }
    }

    /** Passes every record but JavaFX's warning about being loaded from the class path. */
    static final class DropClassPathWarning implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            return message == null || !message.startsWith(CLASS_PATH_WARNING);
        }
    }
}
