package dev.pgdesk.monitor;

/** What the slow-query list is ranked by, highest first. */
public enum SlowQueryOrder {
    TOTAL_TIME("total time"),
    MEAN_TIME("mean time"),
    CALLS("calls"),
    ROWS("rows");

    private final String label;

    SlowQueryOrder(String label) {
        this.label = label;
    }

    /** The order in words, for menus and help. */
    public String label() {
        return label;
    }
}
