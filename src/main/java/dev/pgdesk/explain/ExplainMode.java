package dev.pgdesk.explain;

/** Which EXPLAIN to run. */
public enum ExplainMode {
    /** {@code EXPLAIN (FORMAT JSON)}: the plan and its estimates; the statement does not run. */
    PLAN("EXPLAIN (FORMAT JSON) "),
    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)}: runs the statement (inside a transaction that is
     * rolled back) and reports what each node actually did.
     */
    ANALYZE("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ");

    private final String prefix;

    ExplainMode(String prefix) {
        this.prefix = prefix;
    }

    /** The text put before the statement, ending in a space. */
    public String prefix() {
        return prefix;
    }
}
