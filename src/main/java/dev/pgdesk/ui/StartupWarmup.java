package dev.pgdesk.ui;

import dev.pgdesk.config.VersionedJsonFile;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.workspace.WorkspaceStore;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Initializes the classes behind the main window's services on a background thread while the JavaFX toolkit
 * starts. Their static set-up (Jackson mappers, the pool's classes) is some 50 ms that the FX thread would
 * otherwise spend before it builds the window. The FX thread waits for it to finish ({@link #awaitDone}) before
 * touching those classes, so no class is ever initialized by both threads at once: two threads initializing
 * classes that refer to each other in opposite orders could deadlock.
 */
final class StartupWarmup {
    private static final List<Class<?>> SERVICE_CLASSES = List.of(
            ProfileStore.class,
            VersionedJsonFile.class,
            WorkspaceStore.class,
            HistoryStore.class,
            ParameterMemory.class,
            PoolManager.class,
            ConnectionTester.class);

    /** At most this long the FX thread waits; on a machine that slow it initializes what is left itself. */
    private static final long WAIT_SECONDS = 5;

    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile boolean begun;

    private StartupWarmup() {}

    static void begin() {
        begun = true;
        Thread thread = new Thread(
                () -> {
                    try {
                        initializeServiceClasses();
                    } finally {
                        DONE.countDown();
                    }
                },
                "pgdesk-startup-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the warm-up has finished; returns at once when it was never begun (tests). */
    static void awaitDone() {
        if (!begun) {
            return;
        }
        try {
            DONE.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void initializeServiceClasses() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> type : SERVICE_CLASSES) {
            try {
                lookup.ensureInitialized(type);
            } catch (IllegalAccessException e) {
                // Cannot happen for these public classes; the FX thread would initialize it anyway.
                return;
            }
        }
    }
}
