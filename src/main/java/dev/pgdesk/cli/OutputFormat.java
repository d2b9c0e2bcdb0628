package dev.pgdesk.cli;

import dev.pgdesk.export.ExportFormat;
import java.util.Locale;
import java.util.Optional;

/** What {@code pgdesk query --format} writes; {@link #DOCUMENTS} is the output without {@code --format}. */
enum OutputFormat {
    /** One JSON document per statement (rows capped), as before {@code --format} existed. */
    DOCUMENTS(null),
    JSON(ExportFormat.JSON),
    JSONL(ExportFormat.JSONL),
    CSV(ExportFormat.CSV),
    /** Aligned text for people, like psql. */
    TABLE(null);

    private final ExportFormat export;

    OutputFormat(ExportFormat export) {
        this.export = export;
    }

    /** The export format this writes, empty for the text table and the documents. */
    Optional<ExportFormat> export() {
        return Optional.ofNullable(export);
    }

    /** The name {@code --format} takes for this format. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutputFormat parse(String text) throws CliUsageException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSONL;
            case "csv" -> CSV;
            case "table" -> TABLE;
            default -> throw new CliUsageException("--format '" + text + "' is not one of json, jsonl, csv, table");
        };
    }

    /** The format a file name suggests (.json, .jsonl, .ndjson, .csv), if any. */
    static Optional<OutputFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        } else if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        } else if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
