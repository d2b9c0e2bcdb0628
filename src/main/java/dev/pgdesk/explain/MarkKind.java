package dev.pgdesk.explain;

/** Why a plan node is pointed out. */
public enum MarkKind {
    /** Among the nodes that take the biggest share of the time (or, without ANALYZE, of the cost). */
    EXPENSIVE,
    /** A sequential scan of a large table; the message says whether an index may help. */
    LARGE_SEQ_SCAN,
    /** The planner's row estimate was off by a large factor, which leads to poor plan choices. */
    MISESTIMATE,
    /** A sort or hash did not fit in {@code work_mem} and used temporary files. */
    DISK_SPILL
}
