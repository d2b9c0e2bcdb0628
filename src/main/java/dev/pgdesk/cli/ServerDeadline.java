package dev.pgdesk.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives up on a server that stopped answering. {@code --timeout} makes the server cancel a statement, and
 * the driver sends a cancel request a little later as a backstop; both need a server that runs. A stopped
 * backend ({@code kill -STOP}), a frozen host or a network partition answers neither, and a read on the
 * socket would wait for ever (TCP keepalive does not help while the peer's kernel still acknowledges). So
 * every wait for the server is armed with the timeout plus a {@link #GRACE} for the cancel; when that passes,
 * {@code giveUp} runs (closing the pools, which aborts the connection and ends the read with a lost
 * connection) and {@link #expired()} tells the run why the connection was lost.
 *
 * <p>Only waits for the server are armed: writing rows to a slow reader ({@code | less}) is not the server's
 * fault and never counts.
 */
final class ServerDeadline implements AutoCloseable {
    /** Past the timeout: the driver's own cancel comes 2 s after it, and the cancel needs a round trip. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Duration limit;
    private final Runnable giveUp;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;
    /** Which arming is current; a countdown that fires after its own was disarmed does nothing. */
    private long armed;

    private volatile boolean expired;

    /**
     * @param timeout the statement timeout; zero for none, and then nothing is ever given up
     * @param giveUp what ends the wait; runs on the deadline's own thread
     */
    ServerDeadline(Duration timeout, Runnable giveUp) {
        this.limit = timeout.isZero() ? null : timeout.plus(GRACE);
        this.giveUp = giveUp;
        this.timer = limit == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "pgdesk-server-deadline");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts (or restarts) the countdown for one wait for the server. */
    synchronized void arm() {
        disarm();
        if (timer != null && !expired) {
            long arming = ++armed;
            pending = timer.schedule(() -> expire(arming), limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The server answered; nothing to give up. */
    synchronized void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
            armed++;
        }
    }

    /** Whether a wait ran past the timeout and its grace, and the connection was given up. */
    boolean expired() {
        return expired;
    }

    /** How long a wait may last, the grace included; zero when there is no timeout. */
    Duration limit() {
        return limit == null ? Duration.ZERO : limit;
    }

    private void expire(long arming) {
        synchronized (this) {
            if (arming != armed) {
                return; // disarmed while this task was starting
            }
            pending = null;
            expired = true;
        }
        giveUp.run();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
