package dev.pgdesk.connect.check;

import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs blocking network work (DNS, connect, driver login) on its own daemon thread, so that a cancel
 * returns at once: the work is abandoned, finishes within its own timeout, and anything it produces
 * after the cancel is handed to {@code discard} (to close it) instead of leaking.
 */
final class Abandonable {
    private Abandonable() {}

    static <T> T run(Callable<T> work, CancellationToken cancel, Consumer<T> discard) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        T value = work.call();
                        if (!result.complete(value) && value != null) {
                            discard.accept(value);
                        }
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "pgdesk-connection-test");
        worker.setDaemon(true);
        cancel.onCancel(() -> result.completeExceptionally(new CancelledException()));
        worker.start();
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            throw new CancelledException();
        }
    }
}
