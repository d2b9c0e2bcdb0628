package dev.pgdesk.explain;

/**
 * Block counts of one plan node from {@code EXPLAIN (ANALYZE, BUFFERS)}, over all loops and including
 * the node's children, as PostgreSQL reports them. Local blocks belong to temporary tables, temp blocks to
 * sorts and hashes that spilled. A block is 8 kB on a default build.
 */
public record NodeBuffers(
        long sharedHit,
        long sharedRead,
        long sharedDirtied,
        long sharedWritten,
        long localHit,
        long localRead,
        long localDirtied,
        long localWritten,
        long tempRead,
        long tempWritten) {

    /** No blocks at all. */
    public static final NodeBuffers NONE = new NodeBuffers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Whether every count is zero. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
