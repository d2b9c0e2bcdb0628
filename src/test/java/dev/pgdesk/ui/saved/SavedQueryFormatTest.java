package dev.pgdesk.ui.saved;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedQueryFormatTest {

    @Test
    void parametersShowTheirDefaultsOrThatTheyAreRequired() {
        SavedQuery query = SavedQuery.create(
                "q",
                "",
                "SELECT :day, :region",
                List.of(SavedParameter.withDefault("day", "2026-11-21"), SavedParameter.required("region")),
                null);

        assertThat(SavedQueryFormat.parameters(query)).isEqualTo("day = 2026-11-21, region required");
    }

    @Test
    void aQueryOfADeletedProfileSaysSo() {
        SavedQuery query = SavedQuery.create("q", "", "SELECT 1", List.of(), "gone");

        assertThat(SavedQueryFormat.scope(query, id -> Optional.empty())).isEqualTo("(deleted connection)");
    }

    @Test
    void theSqlTooltipIsOneLine() {
        assertThat(SavedQueryFormat.oneLine("  SELECT *\n  FROM t\n")).isEqualTo("SELECT * FROM t");
    }
}
