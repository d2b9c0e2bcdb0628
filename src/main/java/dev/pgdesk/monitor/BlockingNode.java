package dev.pgdesk.monitor;

import java.util.List;

/**
 * A session in the blocking tree with the sessions waiting for it. A root is a session that blocks others
 * while waiting for no one: the one to act on.
 *
 * @param session the session
 * @param waiting the sessions it blocks directly, each with the ones they block in turn
 */
public record BlockingNode(SessionActivity session, List<BlockingNode> waiting) {

    public BlockingNode {
        waiting = List.copyOf(waiting);
    }

    /** How many sessions wait behind this one, directly or indirectly. */
    public int waitingCount() {
        return waiting.stream().mapToInt(node -> 1 + node.waitingCount()).sum();
    }
}
