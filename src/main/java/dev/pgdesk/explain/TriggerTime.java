package dev.pgdesk.explain;

/**
 * Time spent in one trigger during EXPLAIN ANALYZE; it counts towards the execution time but not towards
 * any plan node.
 *
 * @param name the trigger's name (constraint triggers appear as {@code RI_ConstraintTrigger_...})
 * @param relation the table it fired on
 * @param millis total time over all calls
 * @param calls how often it fired
 */
public record TriggerTime(String name, String relation, double millis, long calls) {}
