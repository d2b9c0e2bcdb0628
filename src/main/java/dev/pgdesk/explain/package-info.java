/**
 * EXPLAIN and EXPLAIN ANALYZE of one editor statement, and what pgdesk makes of the plan.
 *
 * <p>{@link dev.pgdesk.explain.ExplainRunner} sends {@code EXPLAIN (FORMAT JSON)} or {@code EXPLAIN
 * (ANALYZE, BUFFERS, FORMAT JSON)} through the tab's {@link dev.pgdesk.query.QuerySession}, so timeouts,
 * cancellation, pooled or pinned connections and error reporting are those of a normal run; {@link
 * dev.pgdesk.explain.PlanParser} reads the JSON into {@link dev.pgdesk.explain.PlanNode} records; {@link
 * dev.pgdesk.explain.PlanAnalyzer} derives own times, shares, estimate errors and marks; {@link
 * dev.pgdesk.explain.PlanText} and {@link dev.pgdesk.explain.PlanJson} render the result.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Parameters are bound, never spliced: the EXPLAIN is one prepared statement with the user's values
 *       bound through the extended protocol ({@code EXPLAIN (FORMAT JSON) SELECT ... WHERE id = ?}).
 *       PostgreSQL 13 and 18 both accept it and plan the inner statement with the values (the tests see
 *       {@code Index Cond: (id = 4242)}), so {@code PREPARE}/{@code EXPLAIN EXECUTE} with literals is not
 *       needed.
 *   <li>EXPLAIN ANALYZE always runs inside a transaction that is rolled back (a savepoint inside the tab's
 *       own transaction), whatever the statement: the lexer recognises INSERT, UPDATE, DELETE, MERGE, a WITH
 *       holding one, SELECT INTO, CREATE TABLE AS and EXECUTE to word the message, but a SELECT calling a
 *       function that writes is undone as well, so safety does not depend on recognising the statement.
 *   <li>Expensive nodes: own share of at least 20% of the execution time (of the estimated cost without
 *       ANALYZE), at most the three largest, so an evenly spread plan marks nothing.
 *   <li>Sequential scans are pointed out on tables of at least 10,000 rows, by {@code pg_class.reltuples}
 *       (looked up by the table names in the plan) or by the rows the scan read; an index is suggested when
 *       the filter keeps at most 10% of them, naming the columns the filter compares.
 * </ul>
 */
package dev.pgdesk.explain;
