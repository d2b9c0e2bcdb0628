package dev.pgdesk.config;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends every library's logging through SLF4J, so it follows one configuration (logback.xml). */
public final class Logging {
    private Logging() {}

    /** Routes java.util.logging (used by pgjdbc) into SLF4J. Call once at the start of a main method. */
    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
