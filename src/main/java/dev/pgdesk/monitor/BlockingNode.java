package dev.pgdesk.monitor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * How many distinct sessions wait behind this one, directly or indirectly; a session waiting for two
     * sessions of this tree appears under both but counts once.
     */
    public int waitingCount() {
        return waitingPids().size();
    }

    /** The pids of the sessions waiting behind this one, directly or indirectly, each once. */
    public Set<Integer> waitingPids() {
        Set<Integer> pids = new HashSet<>();
        collectWaiting(pids);
        return pids;
    }

    private void collectWaiting(Set<Integer> pids) {
        for (BlockingNode node : waiting) {
            pids.add(node.session().pid());
            node.collectWaiting(pids);
        }
    }
}
