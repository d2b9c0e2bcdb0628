package dev.pgdesk.explain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code EXPLAIN (FORMAT JSON)} result: the node tree and the statement-level figures.
 *
 * @param root the top node
 * @param planningMillis time the planner took; {@code null} when not reported (plain EXPLAIN before
 *     PostgreSQL 13 reports none; plain EXPLAIN never does unless asked for SUMMARY)
 * @param executionMillis total execution time under ANALYZE (including triggers); {@code null} otherwise
 * @param triggers time per trigger under ANALYZE
 */
public record Plan(PlanNode root, Double planningMillis, Double executionMillis, List<TriggerTime> triggers) {
    public Plan {
        Objects.requireNonNull(root, "root");
        triggers = List.copyOf(triggers);
    }

    /** Whether the plan carries what ANALYZE measured. */
    public boolean analyzed() {
        return root.actuals() != null;
    }

    /** Every node, parents before children; {@code nodes().get(id)} is the node with that id. */
    public List<PlanNode> nodes() {
        return root.descendantsAndSelf();
    }

    /** The node with {@code id}. */
    public Optional<PlanNode> node(int id) {
        return nodes().stream().filter(node -> node.id() == id).findFirst();
    }
}
