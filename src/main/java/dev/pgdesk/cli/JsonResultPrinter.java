package dev.pgdesk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgdesk.export.JsonValueWriter;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.UpdateResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Prints each statement's result on stdout as one JSON document: rows as an array of objects keyed by
 * column name, anything else as {@code {"command": ..., "rows_affected": N}}. Compact output puts each
 * document on one line (JSON Lines); pretty output indents it.
 */
final class JsonResultPrinter {
    private final PrintStream out;
    private final boolean pretty;

    JsonResultPrinter(PrintStream out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    void print(RowsResult rows) {
        JsonValueWriter writer = new JsonValueWriter(rows.columns());
        write(json -> {
            json.writeStartArray();
            for (Object[] row : rows.rows()) {
                writer.writeRow(json, row);
            }
            json.writeEndArray();
        });
    }

    void print(UpdateResult update) {
        write(json -> {
            json.writeStartObject();
            json.writeStringField("command", update.command());
            json.writeNumberField("rows_affected", update.rowsAffected());
            json.writeEndObject();
        });
    }

    private interface Document {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private void write(Document document) {
        try (JsonGenerator json = JsonValueWriter.jsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                // A value that cannot be written must not leave a document that looks complete.
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
                .createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            document.writeTo(json);
        } catch (IOException e) {
            // A PrintStream does not throw; this is a value the writer could not read (an array, say).
            out.println();
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
