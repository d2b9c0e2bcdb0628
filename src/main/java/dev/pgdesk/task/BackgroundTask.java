package dev.pgdesk.task;

/** A piece of work that must not run on the UI thread. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(CancellationToken cancellation) throws Exception;
}
