package dev.pgdesk.explain;

/**
 * What EXPLAIN ANALYZE measured for one plan node, per loop as PostgreSQL reports it: times in
 * milliseconds and rows are averages over {@code loops} (PostgreSQL 18 shows fractional rows). A node
 * that never ran has {@code loops} 0.
 *
 * @param startupMillis time until the first row, per loop
 * @param totalMillis time until the last row, per loop
 * @param rows rows returned, per loop
 * @param loops how often the node ran (for a parallel node: once per process)
 */
public record NodeActuals(double startupMillis, double totalMillis, double rows, long loops) {
    public NodeActuals {
        if (loops < 0) {
            throw new IllegalArgumentException("loops cannot be negative: " + loops);
        }
    }

    /** Whether the executor never started the node (a branch the plan did not need). */
    public boolean neverExecuted() {
        return loops == 0;
    }

    /** Time over all loops: {@code totalMillis × loops}. */
    public double allLoopsMillis() {
        return totalMillis * loops;
    }

    /** Rows over all loops: {@code rows × loops}. */
    public double allLoopsRows() {
        return rows * loops;
    }
}
