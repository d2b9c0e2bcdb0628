package dev.pgdesk.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SavedQueryCommandLineTest {

    private static SavedQuery query(String name, List<SavedParameter> parameters) {
        return SavedQuery.create(name, "", "SELECT :day, $1", parameters, "p-1");
    }

    @Test
    void plainWordsStayUnquoted() {
        SavedQuery query = query("daily_report", List.of(SavedParameter.withDefault("day", "2026-11-21")));

        assertThat(SavedQueryCommandLine.of(query, "local"))
                .isEqualTo("pgdesk run daily_report --profile local --param day=2026-11-21");
    }

    @Test
    void aProfileNameWithSpacesIsSingleQuoted() {
        SavedQuery query = query("daily_report", List.of());

        assertThat(SavedQueryCommandLine.of(query, "Sales DB (prod)"))
                .isEqualTo("pgdesk run daily_report --profile 'Sales DB (prod)'");
    }

    @Test
    void singleQuotesInsideAValueAreClosedEscapedAndReopened() {
        SavedQuery query = query("q", List.of(SavedParameter.withDefault("who", "O'Brien & co")));

        assertThat(SavedQueryCommandLine.of(query, null)).isEqualTo("pgdesk run q --param 'who=O'\\''Brien & co'");
    }

    @Test
    void aPositionalParameterIsQuotedSoTheShellLeavesTheDollarAlone() {
        SavedQuery query = query("q", List.of(SavedParameter.withDefault("$1", "42")));

        assertThat(SavedQueryCommandLine.of(query, "local")).isEqualTo("pgdesk run q --profile local --param '$1=42'");
    }

    @Test
    void aParameterWithoutDefaultIsLeftForTheCommandToAskFor() {
        SavedQuery query = query("q", List.of(SavedParameter.required("day"), SavedParameter.withDefault("$1", "")));

        assertThat(SavedQueryCommandLine.of(query, "local")).isEqualTo("pgdesk run q --profile local --param '$1='");
    }

    @Test
    void aGlobalQueryBeforeAConnectionIsChosenLeavesTheProfileToName() {
        SavedQuery query = SavedQuery.create(
                "daily_revenue", "", "SELECT :since", List.of(SavedParameter.withDefault("since", "2025-06-01")), null);

        assertThat(SavedQueryCommandLine.withProfileToChoose(query))
                .isEqualTo("pgdesk run daily_revenue --profile NAME --param since=2025-06-01");
    }

    @Test
    void emptyWordsAndShellCharactersAreQuoted() {
        assertThat(SavedQueryCommandLine.quote("")).isEqualTo("''");
        assertThat(SavedQueryCommandLine.quote("a;rm -rf /")).isEqualTo("'a;rm -rf /'");
        assertThat(SavedQueryCommandLine.quote("x=$(id)")).isEqualTo("'x=$(id)'");
        assertThat(SavedQueryCommandLine.quote("2026-11-21T10:00")).isEqualTo("2026-11-21T10:00");
    }
}
