package dev.pgdesk.task;

import java.util.function.Consumer;

/** Runs each task to completion on the calling thread: for tests and the command line. */
public final class SynchronousTaskRunner implements TaskRunner {

    @Override
    public <T> CancellationToken run(
            BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        T result;
        try {
            result = task.run(token);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return token;
        }
        onSuccess.accept(result);
        return token;
    }
}
