package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    @Test
    void columnsAreAlignedToTheWidestCell() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new TablePrinter("setting", "value", "source")
                .row("host", "db.example.com", "argument")
                .row("application_name", "pgdesk", "default")
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "setting           value           source",
                        "host              db.example.com  argument",
                        "application_name  pgdesk          default");
    }

    @Test
    void rowsMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> new TablePrinter("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
