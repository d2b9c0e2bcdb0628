package dev.pgdesk.explain;

import java.util.List;
import java.util.Objects;

/**
 * The derived figures and marks of every node of a plan, indexed by {@link PlanNode#id()}.
 *
 * @param byTime whether shares are of the measured time (ANALYZE) rather than of the estimated cost
 * @param nodes one entry per node; {@code nodes().get(id)} belongs to the node with that id
 */
public record PlanAnalysis(boolean byTime, List<NodeAnalysis> nodes) {
    public PlanAnalysis {
        nodes = List.copyOf(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).nodeId() != i) {
                throw new IllegalArgumentException(
                        "analysis " + i + " belongs to node " + nodes.get(i).nodeId());
            }
        }
    }

    /** The analysis of {@code node}. */
    public NodeAnalysis of(PlanNode node) {
        Objects.requireNonNull(node, "node");
        if (node.id() < 0 || node.id() >= nodes.size()) {
            throw new IllegalArgumentException("node " + node.id() + " is not part of the analysed plan");
        }
        return nodes.get(node.id());
    }

    /** The nodes with at least one mark, in plan order. */
    public List<NodeAnalysis> marked() {
        return nodes.stream().filter(node -> !node.marks().isEmpty()).toList();
    }
}
