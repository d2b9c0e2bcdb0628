package dev.pgdesk.complete;

import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog snapshot of one connection profile, kept current in the background. {@link #get()} never
 * blocks: it hands back whatever is loaded (the {@link CatalogSnapshot#empty() empty} snapshot at first),
 * so typing is never held up by the server. Loads run on the executor given to the constructor, never on
 * the caller's thread; overlapping refresh requests are merged into at most one more load.
 *
 * <p>Thread-safe. Listeners run on the executor's thread; a UI must hop to its own thread itself.
 */
public final class SnapshotCache {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);

    /** First words of statements that change what completion offers. */
    private static final Set<String> DDL_WORDS = Set.of("create", "alter", "drop", "comment", "import", "do");

    /** First words that make earlier DDL of the transaction visible to other connections. */
    private static final Set<String> COMMIT_WORDS = Set.of("commit", "end");

    /** Reads a fresh snapshot; blocking, called on the executor. */
    @FunctionalInterface
    public interface Source {
        /** Reads the catalogs now. */
        CatalogSnapshot load() throws SQLException;
    }

    private final Source source;
    private final Executor executor;
    private final List<Consumer<CatalogSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private volatile CatalogSnapshot current = CatalogSnapshot.empty();
    private volatile Exception lastFailure;
    private boolean started;
    private boolean ddlAwaitingCommit;
    private CompletableFuture<CatalogSnapshot> running;
    private CompletableFuture<CatalogSnapshot> queued;

    /**
     * A cache loading through {@code source} on {@code executor}.
     *
     * @param source reads a snapshot (blocking)
     * @param executor runs the loads; a background executor, never the UI thread
     */
    public SnapshotCache(Source source, Executor executor) {
        if (source == null || executor == null) {
            throw new IllegalArgumentException("a snapshot cache needs a source and a background executor");
        }
        this.source = source;
        this.executor = executor;
    }

    /** A cache reading the catalogs of {@code session}'s profile with a {@link CatalogLoader}. */
    public static SnapshotCache forSession(PooledSession session, Executor executor) {
        CatalogLoader loader = new CatalogLoader();
        return new SnapshotCache(() -> session.execute(loader::load), executor);
    }

    /**
     * The current snapshot, immediately: possibly stale, or empty before the first load finished. The first
     * call starts that load in the background.
     */
    public CatalogSnapshot get() {
        boolean first;
        synchronized (lock) {
            first = !started;
        }
        if (first) {
            refresh();
        }
        return current;
    }

    /**
     * Starts a reload in the background and returns at once. When one is already running, another is queued
     * to follow it (the running one may have started before the change that prompted this call).
     *
     * @return completes with the new snapshot on the executor's thread, or exceptionally when loading failed
     *     (the previous snapshot stays current then)
     */
    public CompletableFuture<CatalogSnapshot> refresh() {
        CompletableFuture<CatalogSnapshot> toStart = null;
        CompletableFuture<CatalogSnapshot> result;
        synchronized (lock) {
            started = true;
            if (running == null) {
                running = new CompletableFuture<>();
                toStart = running;
                result = running;
            } else {
                if (queued == null) {
                    queued = new CompletableFuture<>();
                }
                result = queued;
            }
        }
        if (toStart != null) {
            start(toStart);
        }
        return result;
    }

    /**
     * The editor's hook after it ran statements: refreshes when any of them was DDL ({@code CREATE},
     * {@code ALTER}, {@code DROP}, {@code COMMENT}, {@code DO}, ...), and again at a {@code COMMIT} that
     * ends a transaction which ran DDL (other connections, the loader's included, see it only then).
     *
     * @param statements the texts of the statements that ran, in order
     * @return whether a refresh was started
     */
    public boolean afterStatements(Collection<String> statements) {
        boolean refresh = false;
        synchronized (lock) {
            for (String statement : statements) {
                String word = firstWord(statement);
                if (DDL_WORDS.contains(word)) {
                    refresh = true;
                    ddlAwaitingCommit = true;
                } else if (COMMIT_WORDS.contains(word) && ddlAwaitingCommit) {
                    refresh = true;
                    ddlAwaitingCommit = false;
                } else if (word.equals("rollback") || word.equals("abort")) {
                    // The DDL never became visible, and the refresh it caused already saw the catalog without it.
                    ddlAwaitingCommit = false;
                }
            }
        }
        if (refresh) {
            refresh();
        }
        return refresh;
    }

    /** Whether {@code statement} changes the catalog in a way completion cares about. */
    public static boolean isDdl(String statement) {
        return DDL_WORDS.contains(firstWord(statement));
    }

    /** Calls {@code listener} with each newly loaded snapshot, on the executor's thread. */
    public void addListener(Consumer<CatalogSnapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<CatalogSnapshot> listener) {
        listeners.remove(listener);
    }

    /** Why the last load failed; empty once a load succeeded again. */
    public Optional<Exception> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void start(CompletableFuture<CatalogSnapshot> future) {
        try {
            executor.execute(() -> load(future));
        } catch (RejectedExecutionException e) {
            LOG.warn("Catalog snapshot refresh was rejected by its executor: {}", e.getMessage());
            synchronized (lock) {
                running = null;
                List<CompletableFuture<CatalogSnapshot>> waiting = new ArrayList<>();
                if (queued != null) {
                    waiting.add(queued);
                    queued = null;
                }
                waiting.forEach(f -> f.completeExceptionally(e));
            }
            future.completeExceptionally(e);
        }
    }

    private void load(CompletableFuture<CatalogSnapshot> future) {
        try {
            CatalogSnapshot snapshot = source.load();
            current = snapshot;
            lastFailure = null;
            for (Consumer<CatalogSnapshot> listener : listeners) {
                notify(listener, snapshot);
            }
            future.complete(snapshot);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not load the catalog snapshot for completion: {}", e.getMessage());
            lastFailure = e;
            future.completeExceptionally(e);
        } finally {
            CompletableFuture<CatalogSnapshot> next;
            synchronized (lock) {
                running = queued;
                queued = null;
                next = running;
            }
            if (next != null) {
                start(next);
            }
        }
    }

    private static void notify(Consumer<CatalogSnapshot> listener, CatalogSnapshot snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("A catalog snapshot listener failed", e);
        }
    }

    private static String firstWord(String statement) {
        if (statement == null) {
            return "";
        }
        for (Token token : SqlLexer.tokenize(statement)) {
            if (token.kind().isTrivia()) {
                continue;
            }
            boolean word = token.kind() == TokenKind.KEYWORD || token.kind() == TokenKind.IDENTIFIER;
            return word ? token.text(statement).toLowerCase(Locale.ROOT) : "";
        }
        return "";
    }
}
