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

    /** The format a file name asks for: {@code .jsonl} or {@code .ndjson}, {@code .csv}, else JSON. */
    public static ExportFormat forFileName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        return lower.endsWith(".csv") ? CSV : JSON;
    }
}
