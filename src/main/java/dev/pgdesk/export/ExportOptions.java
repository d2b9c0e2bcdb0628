package dev.pgdesk.export;

import java.util.Objects;

/**
 * How a result is exported.
 *
 * @param format the file format
 * @param csvDelimiter the CSV field separator (comma by default); not a quote, CR or LF
 * @param numericAsString JSON only: {@code numeric} as strings with the exact digits instead of numbers
 * @param pretty JSON only: indented output (JSON Lines stays one row per line)
 */
public record ExportOptions(ExportFormat format, char csvDelimiter, boolean numericAsString, boolean pretty) {
    public ExportOptions {
        Objects.requireNonNull(format, "format");
        if (csvDelimiter == '"' || csvDelimiter == '\r' || csvDelimiter == '\n') {
            throw new IllegalArgumentException(
                    "The CSV delimiter cannot be a double quote, CR or LF; use a comma, semicolon or tab.");
        }
    }

    /** {@code format} with the defaults: comma-separated CSV, numeric as numbers, compact JSON. */
    public static ExportOptions of(ExportFormat format) {
        return new ExportOptions(format, ',', false, false);
    }

    public ExportOptions withCsvDelimiter(char delimiter) {
        return new ExportOptions(format, delimiter, numericAsString, pretty);
    }

    public ExportOptions withNumericAsString(boolean asString) {
        return new ExportOptions(format, csvDelimiter, asString, pretty);
    }

    public ExportOptions withPretty(boolean indented) {
        return new ExportOptions(format, csvDelimiter, numericAsString, indented);
    }
}
