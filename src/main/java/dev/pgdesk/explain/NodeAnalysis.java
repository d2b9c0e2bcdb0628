package dev.pgdesk.explain;

import java.util.List;

/**
 * What pgdesk derives for one plan node.
 *
 * @param nodeId the {@link PlanNode#id()} it belongs to
 * @param selfMillis time spent in the node itself, without its children, over all loops (wall-clock for
 *     parallel nodes: divided by the processes that ran them); {@code null} without ANALYZE
 * @param selfCost the node's own share of the estimated cost (its total cost minus its children's)
 * @param share the node's own part of the whole, from 0 to 1: of the execution time with ANALYZE, of the
 *     root's total cost without
 * @param rowsRatio actual rows ÷ estimated rows (both per loop, each at least 1); above 1 the planner
 *     expected fewer rows, below 1 more; {@code null} without ANALYZE or for a node that never ran
 * @param marks why the node deserves attention; empty for most nodes
 */
public record NodeAnalysis(
        int nodeId, Double selfMillis, double selfCost, double share, Double rowsRatio, List<PlanMark> marks) {
    public NodeAnalysis {
        marks = List.copyOf(marks);
    }

    /** How far the row estimate was off, either way: 1 is exact, 10 means ten times too many or too few. */
    public double misestimateFactor() {
        if (rowsRatio == null) {
            return 1;
        }
        return rowsRatio >= 1 ? rowsRatio : 1 / rowsRatio;
    }

    /** Whether the node carries a mark of {@code kind}. */
    public boolean has(MarkKind kind) {
        return marks.stream().anyMatch(mark -> mark.kind() == kind);
    }
}
