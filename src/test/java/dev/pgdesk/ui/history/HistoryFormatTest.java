package dev.pgdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryParameter;
import dev.pgdesk.history.Outcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HistoryFormatTest {

    private static HistoryEntry entry(
            String statement, Outcome outcome, String message, HistoryParameter... parameters) {
        return new HistoryEntry(
                Instant.parse("2026-01-02T03:04:05Z"),
                null,
                "local",
                statement,
                List.of(parameters),
                0,
                null,
                outcome,
                message);
    }

    @Test
    void durationsReadNaturallyAtEveryScale() {
        assertThat(HistoryFormat.duration(0)).isEqualTo("0 ms");
        assertThat(HistoryFormat.duration(999)).isEqualTo("999 ms");
        assertThat(HistoryFormat.duration(1234)).isEqualTo("1.23 s");
        assertThat(HistoryFormat.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(HistoryFormat.duration(3_720_000)).isEqualTo("1 h 2 min");
    }

    @Test
    void thePreviewIsTheFirstLineMarkedWhenMoreFollows() {
        assertThat(HistoryFormat.preview("\n  select 1;  \n")).isEqualTo("select 1;");
        assertThat(HistoryFormat.preview("select *\r\n    from t")).isEqualTo("select * from t");
        assertThat(HistoryFormat.preview("-- monthly report\nselect 1")).isEqualTo("select 1");
        assertThat(HistoryFormat.preview("-- only a comment")).isEqualTo("-- only a comment");
        assertThat(HistoryFormat.preview("x".repeat(500))).hasSize(202).endsWith(" …");
    }

    @Test
    void theTooltipShowsTheStatementAndItsParameters() {
        HistoryEntry entry = entry(
                "select $1, :name",
                Outcome.SUCCESS,
                "1 row",
                new HistoryParameter("$1", "integer", "42"),
                new HistoryParameter(":name", null, null));

        assertThat(HistoryFormat.tooltip(entry)).isEqualTo("select $1, :name\n\n$1 = '42' (integer)\n:name = NULL");
    }

    @Test
    void theOutcomeIsAMarkAndTheFirstLineOfTheMessage() {
        assertThat(HistoryFormat.outcome(entry("select 1", Outcome.SUCCESS, "1 row")))
                .isEqualTo("✓ 1 row");
        assertThat(HistoryFormat.outcome(entry("select x", Outcome.ERROR, "ERROR 42703: column \"x\"\nHINT: ...")))
                .isEqualTo("✗ ERROR 42703: column \"x\"");
        assertThat(HistoryFormat.outcome(entry("select pg_sleep(9)", Outcome.CANCELLED, "")))
                .isEqualTo("⊘ cancelled");
    }

    @Test
    void timesAreShownInTheLocalZoneAndRowCountsWithGrouping() {
        assertThat(HistoryFormat.when(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.ofHours(2), Locale.UK))
                .contains("05:04:05")
                .contains("2026");
        assertThat(HistoryFormat.rows(1234567L, Locale.US)).isEqualTo("1,234,567");
        assertThat(HistoryFormat.rows(null, Locale.US)).isEmpty();
    }
}
