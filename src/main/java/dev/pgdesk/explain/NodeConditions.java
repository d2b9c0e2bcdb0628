package dev.pgdesk.explain;

/**
 * The conditions of one plan node as the server prints them (e.g. {@code (customer_id = 42)}), and how
 * many rows they discarded per loop under ANALYZE; {@code null} when the node has none.
 */
public record NodeConditions(
        String filter,
        String indexCond,
        String recheckCond,
        String hashCond,
        String mergeCond,
        String joinFilter,
        Double rowsRemovedByFilter,
        Double rowsRemovedByJoinFilter,
        Double rowsRemovedByIndexRecheck) {

    /** A node without conditions. */
    public static final NodeConditions NONE = new NodeConditions(null, null, null, null, null, null, null, null, null);
}
