package dev.pgdesk.monitor;

import java.util.List;

/** Who blocks whom, from each session's {@code pg_blocking_pids}, as trees rooted at the root blockers. */
public final class BlockingTree {

    private BlockingTree() {}

    /**
     * The trees of blocked sessions among {@code sessions}: roots are sessions that block others and wait for
     * no one, ordered by how many sessions wait behind them (most first). A session waiting for several
     * blockers appears under each. Sessions blocking each other in a cycle (a deadlock the server has not
     * broken yet) appear once, rooted at the lowest pid. Empty when nothing is blocked.
     */
    public static List<BlockingNode> of(List<SessionActivity> sessions) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
