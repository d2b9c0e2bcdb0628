package dev.pgdesk.task;

import java.util.function.Consumer;

/**
 * The one way pgdesk runs background work. The UI's implementation runs tasks on worker threads and
 * delivers results on the FX thread; {@link SynchronousTaskRunner} runs them on the caller's thread for
 * tests and the command line.
 */
public interface TaskRunner {

    /**
     * Starts {@code task}; exactly one of {@code onSuccess} or {@code onFailure} is called afterwards, on
     * the runner's result thread. A task stopped by cancellation reports {@link CancelledException}.
     *
     * @return the token that cancels this task
     */
    <T> CancellationToken run(BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);
}
