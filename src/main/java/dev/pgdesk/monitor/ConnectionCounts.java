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
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Share of the slots ordinary roles can use that are taken, 0 to 1 (or more). */
    public double usedShare() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A warning in words once {@link #WARNING_SHARE} of the usable slots are taken; empty before. */
    public Optional<String> warning() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
