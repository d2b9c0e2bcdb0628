package dev.pgdesk.task;

import java.util.ArrayList;
import java.util.List;

/** Lets a caller ask a running background task to stop; the task checks it or registers a hook. */
public final class CancellationToken {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Requests cancellation and runs the registered hooks once. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(hooks);
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancellation, or at once if already cancelled (for closing sockets and the like). */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    /** Throws {@link CancelledException} if cancellation was requested. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
