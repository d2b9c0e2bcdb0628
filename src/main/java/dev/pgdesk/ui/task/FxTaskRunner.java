package dev.pgdesk.ui.task;

import dev.pgdesk.task.BackgroundTask;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background tasks on daemon worker threads and delivers their results on the FX thread, so views
 * never block and never touch controls from another thread.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads());

    @Override
    public <T> CancellationToken run(
            BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        workers.execute(() -> {
            T result;
            try {
                result = task.run(token);
            } catch (Exception | Error e) {
                if (!(e instanceof CancelledException)) {
                    LOG.debug("Background task failed", e);
                }
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            if (token.isCancelled()) {
                // The caller asked to stop; a late result would only surprise it.
                Platform.runLater(() -> onFailure.accept(new CancelledException()));
            } else {
                Platform.runLater(() -> onSuccess.accept(result));
            }
        });
        return token;
    }

    /** Stops accepting tasks; running ones finish on their own (the threads are daemons). */
    public void shutdown() {
        workers.shutdown();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "pgdesk-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
