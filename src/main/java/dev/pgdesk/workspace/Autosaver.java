package dev.pgdesk.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves editor tabs in the background so that typing never waits for the disk. Requests are coalesced:
 * the latest state per tab wins, and it is written at most {@code delay} after the request, on one daemon
 * thread. Failures are logged and passed to the problem listener, never thrown at the caller. Thread-safe.
 */
public final class Autosaver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final WorkspaceStore store;
    private final Duration delay;
    private final Consumer<String> problems;
    private final ScheduledExecutorService writer;

    /** Guards {@link #pending}, {@link #armed} and {@link #closed}. */
    private final Object lock = new Object();
    /** Per tab id, the state to write, or empty to delete the tab's file. */
    private final Map<String, Optional<EditorTabState>> pending = new LinkedHashMap<>();

    private boolean armed;
    private boolean closed;
    /** Held while writing, so a flush waits for a write already under way. */
    private final Object writing = new Object();

    public Autosaver(WorkspaceStore store, Duration delay) {
        this(store, delay, problem -> {});
    }

    /**
     * @param problems told, on the autosave thread (or the thread calling {@link #flush()}), about every
     *     write that failed, in words for the user such as "Autosave failed: ..."
     */
    public Autosaver(WorkspaceStore store, Duration delay, Consumer<String> problems) {
        this.store = Objects.requireNonNull(store, "The autosaver needs a store");
        this.delay = Objects.requireNonNull(delay, "The autosaver needs a delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The autosave delay must not be negative, not " + delay);
        }
        this.problems = Objects.requireNonNull(problems, "Use a listener that ignores problems instead of null");
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pgdesk-autosave");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for {@code state} to be saved soon; a later request for the same tab replaces this one. */
    public void schedule(EditorTabState state) {
        Objects.requireNonNull(state, "Nothing to save");
        enqueue(state.id(), Optional.of(state), delay);
    }

    /** Forgets any pending save of the tab and deletes its file (the tab was closed). */
    public void discard(String id) {
        Objects.requireNonNull(id, "Which tab?");
        enqueue(id, Optional.empty(), Duration.ZERO);
    }

    private void enqueue(String id, Optional<EditorTabState> state, Duration after) {
        synchronized (lock) {
            if (closed) {
                LOG.warn("Autosave request for tab {} after the autosaver was closed; ignored", id);
                return;
            }
            // Remove first so the entry moves to the end: writes then follow the order of the requests.
            pending.remove(id);
            pending.put(id, state);
            if (armed && !after.isZero()) {
                return;
            }
            armed = true;
            try {
                writer.schedule(this::writePending, after.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                armed = false;
                LOG.warn("Autosave thread is gone; tab {} is saved at the next flush", id);
            }
        }
    }

    /**
     * Writes everything pending now, on the calling thread, after any write already under way (call it on
     * exit). Failures go to the problem listener.
     *
     * @return whether everything pending was written
     */
    public boolean flush() {
        return writePending();
    }

    private boolean writePending() {
        synchronized (writing) {
            Map<String, Optional<EditorTabState>> batch;
            synchronized (lock) {
                batch = new LinkedHashMap<>(pending);
                pending.clear();
                armed = false;
            }
            boolean allWritten = true;
            for (Map.Entry<String, Optional<EditorTabState>> entry : batch.entrySet()) {
                allWritten &= write(entry.getKey(), entry.getValue());
            }
            return allWritten;
        }
    }

    private boolean write(String id, Optional<EditorTabState> state) {
        try {
            if (state.isPresent()) {
                store.save(state.get());
            } else {
                store.remove(id);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            String title = state.map(EditorTabState::title).orElse("a closed tab");
            String problem = "Autosave failed for \"" + title + "\": " + describe(e)
                    + ". Your text is still in the editor; pgdesk tries again at the next change.";
            LOG.warn(problem);
            LOG.debug("Autosave failure of tab {}", id, e);
            synchronized (lock) {
                // Keep it for the next attempt (a flush on exit at the latest), unless a newer state came.
                pending.putIfAbsent(id, state);
            }
            report(problem);
            return false;
        }
    }

    /** File system exceptions carry only a path as their message; say what happened to it. */
    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way (a file where a folder is needed)";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason() + " (" + failure.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private void report(String problem) {
        try {
            problems.accept(problem);
        } catch (RuntimeException e) {
            LOG.warn("The autosave problem listener failed", e);
        }
    }

    /** Writes what is pending, then stops the autosave thread; later requests are ignored. */
    @Override
    public void close() {
        flush();
        synchronized (lock) {
            closed = true;
        }
        writer.shutdown();
    }
}
