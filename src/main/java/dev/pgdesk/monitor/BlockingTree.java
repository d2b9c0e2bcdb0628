package dev.pgdesk.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Who blocks whom, from each session's {@code pg_blocking_pids}, as trees rooted at the root blockers. */
public final class BlockingTree {

    private BlockingTree() {}

    /**
     * The trees of blocked sessions among {@code sessions}: roots are sessions that block others and wait for
     * no one, ordered by how many sessions wait behind them (most first). A session waiting for several
     * blockers appears under each. Sessions blocking each other in a cycle (a deadlock the server has not
     * broken yet) appear once, rooted at the lowest pid. Empty when nothing is blocked.
     *
     * <p>Blockers missing from {@code sessions} (gone since, filtered out, or a prepared transaction, which
     * has no backend) are left out; a blocked session all of whose blockers are missing stands as a root, so
     * that it still shows.
     */
    public static List<BlockingNode> of(List<SessionActivity> sessions) {
        Map<Integer, SessionActivity> byPid = new TreeMap<>();
        sessions.forEach(session -> byPid.put(session.pid(), session));
        Map<Integer, List<SessionActivity>> waitingFor = new LinkedHashMap<>();
        Map<Integer, List<Integer>> presentBlockers = new TreeMap<>();
        for (SessionActivity session : byPid.values()) {
            List<Integer> blockers = session.blockedBy().stream()
                    .filter(byPid::containsKey)
                    .distinct()
                    .toList();
            presentBlockers.put(session.pid(), blockers);
            blockers.forEach(blocker -> waitingFor
                    .computeIfAbsent(blocker, pid -> new ArrayList<>())
                    .add(session));
        }
        Graph graph = new Graph(waitingFor);

        List<BlockingNode> roots = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (SessionActivity session : byPid.values()) {
            boolean involved = session.blocked() || waitingFor.containsKey(session.pid());
            if (involved && presentBlockers.get(session.pid()).isEmpty()) {
                roots.add(graph.tree(session, new HashSet<>(), placed));
            }
        }
        // What is left waits, directly or through others, on a cycle: root each cycle at its lowest pid.
        for (SessionActivity session : byPid.values()) {
            int pid = session.pid();
            if (!placed.contains(pid) && session.blocked() && graph.inCycle(pid, presentBlockers)) {
                roots.add(graph.tree(session, new HashSet<>(), placed));
            }
        }
        roots.sort(Comparator.comparingInt(BlockingNode::waitingCount)
                .reversed()
                .thenComparingInt(node -> node.session().pid()));
        return List.copyOf(roots);
    }

    /** Who waits for whom: blocker pid to the sessions waiting for it, by pid. */
    private record Graph(Map<Integer, List<SessionActivity>> waitingFor) {

        /** {@code session} with everyone waiting behind it; {@code path} stops cycles from recursing forever. */
        BlockingNode tree(SessionActivity session, Set<Integer> path, Set<Integer> placed) {
            placed.add(session.pid());
            path.add(session.pid());
            List<BlockingNode> waiting = new ArrayList<>();
            for (SessionActivity waiter : waitingFor.getOrDefault(session.pid(), List.of())) {
                if (!path.contains(waiter.pid())) {
                    waiting.add(tree(waiter, path, placed));
                }
            }
            path.remove(session.pid());
            return new BlockingNode(session, waiting);
        }

        /** Whether following {@code pid}'s blockers leads back to {@code pid}. */
        boolean inCycle(int pid, Map<Integer, List<Integer>> blockers) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> frontier = new ArrayList<>(blockers.get(pid));
            while (!frontier.isEmpty()) {
                int next = frontier.remove(frontier.size() - 1);
                if (next == pid) {
                    return true;
                }
                if (seen.add(next)) {
                    frontier.addAll(blockers.get(next));
                }
            }
            return false;
        }
    }
}
