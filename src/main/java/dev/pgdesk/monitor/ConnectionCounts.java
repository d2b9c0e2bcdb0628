package dev.pgdesk.monitor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Client connections by state against the server's limit.
 *
 * @param takenAt the server's clock when counted
 * @param byState client backends per state ({@code active}, {@code idle}, {@code idle in transaction}, …;
 *     sessions whose state the role may not see count as {@code unknown})
 * @param total all client backends
 * @param maxConnections {@code max_connections}
 * @param reserved slots kept for superusers and {@code pg_use_reserved_connections}
 *     ({@code superuser_reserved_connections} plus {@code reserved_connections} from PostgreSQL 16)
 */
public record ConnectionCounts(
        Instant takenAt, Map<String, Integer> byState, int total, int maxConnections, int reserved) {

    /** The share of usable slots taken at which {@link #warning()} speaks up. */
    public static final double WARNING_SHARE = 0.8;

    public ConnectionCounts {
        byState = Map.copyOf(byState);
    }

    /** Connections ordinary roles can still open. */
    public int available() {
        return Math.max(0, usable() - total);
    }

    /** Share of the slots ordinary roles can use that are taken, 0 to 1 (or more). */
    public double usedShare() {
        if (usable() <= 0) {
            // A server whose reserve takes every slot has none for ordinary roles: they are all "taken".
            return 1.0;
        }
        return (double) total / usable();
    }

    /** A warning in words once {@link #WARNING_SHARE} of the usable slots are taken; empty before. */
    public Optional<String> warning() {
        if (usedShare() < WARNING_SHARE) {
            return Optional.empty();
        }
        String inUse = total + " of " + usable() + " usable connections are in use (max_connections " + maxConnections
                + ", " + reserved + " reserved for superusers): ";
        String consequence = available() == 0
                ? "new connections of ordinary roles are refused now."
                : "new connections will be refused after " + available() + " more.";
        int idle = byState.getOrDefault("idle", 0);
        String advice = idle > 0
                ? " Close idle sessions (" + idle + " are idle) or raise max_connections."
                : " Close sessions you do not need or raise max_connections.";
        return Optional.of(inUse + consequence + advice);
    }

    /** The slots ordinary roles may use. */
    private int usable() {
        return maxConnections - reserved;
    }
}
