package dev.pgdesk.explain;

/**
 * The planner's estimate for one plan node. Costs are in the planner's arbitrary units and include the
 * node's children; rows are per loop.
 *
 * @param startupCost cost until the first row
 * @param totalCost cost until the last row
 * @param rows estimated rows per loop
 * @param width estimated average row width in bytes
 */
public record NodeEstimate(double startupCost, double totalCost, double rows, long width) {}
