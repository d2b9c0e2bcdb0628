package dev.pgdesk.export;

/** The file formats a result exports to. */
public enum ExportFormat {
    /** One JSON array of objects keyed by column name. */
    JSON("json"),
    /** JSON Lines: one object per row, one row per line. */
    JSONL("jsonl"),
    /** RFC 4180 CSV with a header row. */
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
