package dev.pgdesk.grid;

/** The text formats a grid copies selected cells as; see {@link CopyFormats}. */
public enum CopyFormat {
    TSV("TSV"),
    CSV("CSV"),
    JSON("JSON"),
    MARKDOWN("Markdown"),
    SQL_INSERT("SQL INSERT");

    private final String label;

    CopyFormat(String label) {
        this.label = label;
    }

    /** The name a menu shows. */
    public String label() {
        return label;
    }
}
