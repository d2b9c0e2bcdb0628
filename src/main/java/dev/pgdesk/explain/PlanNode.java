package dev.pgdesk.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One node of a plan from {@code EXPLAIN (FORMAT JSON)}, with its children. Text fields are {@code null}
 * when the server did not report them for this node.
 *
 * @param id the node's position in a pre-order walk of the plan (the root is 0), to key derived values
 * @param nodeType PostgreSQL's node type, e.g. {@code Seq Scan}, {@code Hash Join}, {@code Aggregate}
 * @param parentRelationship how the parent uses it: {@code Outer}, {@code Inner}, {@code InitPlan},
 *     {@code SubPlan}, {@code Member}, ...
 * @param subplanName for an init plan, sub plan or CTE: e.g. {@code CTE recent} or {@code InitPlan 1}
 * @param parallelAware whether the node splits its work between parallel workers
 * @param relationName the table or view scanned or modified
 * @param schema the relation's schema (reported with VERBOSE only)
 * @param alias the name the statement gave the relation
 * @param indexName the index of an index scan
 * @param cteName the CTE a {@code CTE Scan} reads
 * @param functionName the function of a {@code Function Scan}
 * @param joinType {@code Inner}, {@code Left}, {@code Semi}, ... for joins
 * @param strategy {@code Plain}, {@code Sorted}, {@code Hashed} or {@code Mixed} for aggregates and set
 *     operations
 * @param operation {@code Insert}, {@code Update}, {@code Delete} or {@code Merge} for {@code ModifyTable}
 * @param actuals what ANALYZE measured; {@code null} without ANALYZE
 * @param buffers block counts with BUFFERS; {@code null} without
 * @param workersPlanned parallel workers planned ({@code Gather}, {@code Gather Merge}); {@code null} otherwise
 * @param workersLaunched parallel workers that started, under ANALYZE; {@code null} otherwise
 * @param details every other property the server reported (sort keys, output columns, memory use, ...), as
 *     text in the server's order, for a details pane
 */
public record PlanNode(
        int id,
        String nodeType,
        String parentRelationship,
        String subplanName,
        boolean parallelAware,
        String relationName,
        String schema,
        String alias,
        String indexName,
        String cteName,
        String functionName,
        String joinType,
        String strategy,
        String operation,
        NodeEstimate estimate,
        NodeActuals actuals,
        NodeBuffers buffers,
        NodeConditions conditions,
        Integer workersPlanned,
        Integer workersLaunched,
        Map<String, String> details,
        List<PlanNode> children) {

    public PlanNode {
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(conditions, "conditions");
        // Kept in the server's order, which reads best in a details pane.
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        children = List.copyOf(children);
    }

    /**
     * The node's name as PostgreSQL's text format shows it: {@code Parallel Seq Scan on orders o}, {@code
     * Finalize HashAggregate}, {@code
     * Index Scan using orders_pkey on orders}, {@code Hash Left Join}, {@code HashAggregate}, {@code Update
     * on accounts}.
     */
    public String title() {
        StringBuilder title = new StringBuilder();
        String partialMode = details.get("Partial Mode");
        if (partialMode != null && !partialMode.equals("Simple")) {
            title.append(partialMode).append(' ');
        }
        if (parallelAware) {
            title.append("Parallel ");
        }
        title.append(kind());
        if (indexName != null) {
            title.append(" using ").append(indexName);
        }
        String target = relationName != null ? relationName : cteName != null ? cteName : functionName;
        if (target != null) {
            title.append(" on ");
            if (schema != null && relationName != null) {
                title.append(schema).append('.');
            }
            title.append(target);
            if (alias != null && !alias.equals(target)) {
                title.append(' ').append(alias);
            }
        }
        return title.toString();
    }

    private String kind() {
        switch (nodeType) {
            case "Aggregate":
                return strategy == null
                        ? nodeType
                        : switch (strategy) {
                            case "Sorted" -> "GroupAggregate";
                            case "Hashed" -> "HashAggregate";
                            case "Mixed" -> "MixedAggregate";
                            default -> nodeType;
                        };
            case "SetOp":
                return "Hashed".equals(strategy) ? "HashSetOp" : nodeType;
            case "ModifyTable":
                return operation != null ? operation : nodeType;
            default:
                break;
        }
        if (joinType == null || joinType.equals("Inner")) {
            return nodeType;
        }
        return nodeType.endsWith(" Join")
                ? nodeType.substring(0, nodeType.length() - " Join".length()) + " " + joinType + " Join"
                : nodeType + " " + joinType + " Join";
    }

    /** Whether this is a scan that reads a whole table: {@code Seq Scan}, parallel or not. */
    public boolean isSequentialScan() {
        return nodeType.equals("Seq Scan");
    }

    /** Whether the node runs an init plan or a CTE once for its parent, rather than feeding it rows. */
    public boolean isInitPlan() {
        return "InitPlan".equals(parentRelationship);
    }

    /** This node and all below it, parents before children. */
    public List<PlanNode> descendantsAndSelf() {
        List<PlanNode> nodes = new ArrayList<>();
        walk(nodes::add);
        return nodes;
    }

    /** Visits this node and every node below it, parents before children. */
    public void walk(Consumer<PlanNode> visitor) {
        visitor.accept(this);
        for (PlanNode child : children) {
            child.walk(visitor);
        }
    }
}
