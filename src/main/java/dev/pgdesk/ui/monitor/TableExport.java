package dev.pgdesk.ui.monitor;

import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.export.ResultExporter;
import dev.pgdesk.grid.ListRowSource;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Exports the rows a monitor table shows as JSON, JSON Lines or CSV through the grid's exporter: the rows
 * are copied on the FX thread and written by a worker, atomically, as the result grid does it.
 */
final class TableExport {
    private final TaskRunner tasks;
    private final DialogService dialogs;

    TableExport(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /**
     * Asks for a file and writes {@code rows} to it; {@code status} hears how it went.
     *
     * @param baseName the suggested file name without extension, for example {@code activity}
     */
    void export(
            String title,
            String baseName,
            List<Column> columns,
            List<Object[]> rows,
            ExportOptions options,
            Consumer<String> status) {
        String extension = options.format() == ExportFormat.CSV && options.csvDelimiter() == '\t'
                ? "tsv"
                : options.format().extension();
        Optional<Path> chosen = dialogs.chooseExportFile(title, baseName + "." + extension);
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        List<Object[]> copy = List.copyOf(rows);
        status.accept("Exporting " + copy.size() + " rows to " + target.getFileName() + "…");
        tasks.run(
                token -> {
                    try (ListRowSource source = new ListRowSource(columns, copy)) {
                        return ResultExporter.export(
                                source.columns(),
                                maxRows -> source.next(maxRows),
                                target,
                                options,
                                progress -> {},
                                token);
                    }
                },
                done -> status.accept(
                        "Exported " + done.rows() + (done.rows() == 1 ? " row" : " rows") + " to " + target + "."),
                error -> {
                    String said = "The export failed: " + MonitorText.describe(error) + " Nothing was written to "
                            + target.getFileName() + ".";
                    status.accept(said);
                    dialogs.showError("Export failed", said);
                });
    }

    /** A point in time as the exporter writes timestamptz values. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A duration as seconds with a fraction, a number in JSON and CSV. */
    static Double seconds(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e9;
    }
}
