package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void plainLowerCaseNamesStayUnquoted() {
        assertThat(Identifiers.quote("orders")).isEqualTo("orders");
        assertThat(Identifiers.quote("line_no2")).isEqualTo("line_no2");
        assertThat(Identifiers.quote("name")).as("not reserved").isEqualTo("name");
    }

    @Test
    void reservedWordsCapitalsSpacesAndQuotesAreQuoted() {
        assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
        assertThat(Identifiers.quote("left")).isEqualTo("\"left\"");
        assertThat(Identifiers.quote("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(Identifiers.quote("two words")).isEqualTo("\"two words\"");
        assertThat(Identifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Identifiers.quote("1st")).isEqualTo("\"1st\"");
        assertThat(Identifiers.qualified("public", "Orders")).isEqualTo("public.\"Orders\"");
    }

    @Test
    void literalsDoubleTheirQuotes() {
        assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> Identifiers.quote("")).hasMessageContaining("empty");
    }
}
