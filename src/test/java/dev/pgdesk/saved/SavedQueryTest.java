package dev.pgdesk.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SavedQueryTest {

    @Test
    void aNameWithSpacesOrPunctuationIsRejectedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> SavedQuery.create("daily report", "", "SELECT 1", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'daily report' is not allowed")
                .hasMessageContaining("letters A-Z and a-z, digits, _ and -");
    }

    @Test
    void aMissingNameOrSqlIsRejected() {
        assertThatThrownBy(() -> SavedQuery.create("", "", "SELECT 1", List.of(), null))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> SavedQuery.create("q", "", "  ", List.of(), null))
                .hasMessageContaining("'q' has no SQL");
    }

    @Test
    void aParameterListedTwiceIsRejected() {
        assertThatThrownBy(() -> SavedQuery.create(
                        "q",
                        "",
                        "SELECT :day",
                        List.of(SavedParameter.required("day"), SavedParameter.required(":day")),
                        null))
                .hasMessageContaining("lists the parameter :day twice");
    }

    @Test
    void parameterNamesArePositionsOrNamesAsTheSqlWritesThem() {
        assertThat(SavedParameter.required("$2").number()).isEqualTo(2);
        assertThat(SavedParameter.required(":day").name()).isEqualTo("day");
        assertThat(SavedParameter.required(":day").label()).isEqualTo(":day");
        assertThatThrownBy(() -> SavedParameter.required("$0")).hasMessageContaining("'$0' is neither a position");
        assertThatThrownBy(() -> SavedParameter.required("two words"))
                .hasMessageContaining("'two words' is neither a position");
    }

    @Test
    void aBlankProfileIdMeansGlobalAndAnEmptyDescriptionIsKept() {
        SavedQuery query = SavedQuery.create("q", null, "SELECT 1", null, " ");

        assertThat(query.isGlobal()).isTrue();
        assertThat(query.description()).isEmpty();
        assertThat(query.parameters()).isEmpty();
    }
}
