package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    @Test
    void aWordForAnIntegerNamesTheParameterAndTheType() {
        assertThatThrownBy(() -> ParameterValues.convert("abc", "int4", "$1"))
                .isInstanceOf(ParameterValueException.class)
                .hasMessage("$1 expects integer: \"abc\" is not a number");
    }

    @Test
    void aFractionForAnIntegerIsNotAWholeNumber() {
        assertThatThrownBy(() -> ParameterValues.convert("1.5", "integer", "$2"))
                .hasMessage("$2 expects integer: \"1.5\" is not a whole number");
    }

    @Test
    void tooLargeForAnIntegerIsOutOfRange() {
        assertThatThrownBy(() -> ParameterValues.convert("99999999999", "int4", "$1"))
                .hasMessage("$1 expects integer: \"99999999999\" is out of range");
    }

    @Test
    void numbersBecomeTheirJavaTypes() throws ParameterValueException {
        assertThat(ParameterValues.convert(" 42 ", "int4", "$1").value()).isEqualTo(42);
        assertThat(ParameterValues.convert("-7", "int8", "$1").value()).isEqualTo(-7L);
        assertThat(ParameterValues.convert("3", "int2", "$1").value()).isEqualTo((short) 3);
        assertThat(ParameterValues.convert("19.99", "numeric", "$1").value()).isEqualTo(new BigDecimal("19.99"));
        assertThat(ParameterValues.convert("1e3", "float8", "$1").value()).isEqualTo(1000.0);
    }

    @Test
    void booleansAcceptTheUsualSpellings() throws ParameterValueException {
        for (String yes : new String[] {"true", "T", "yes", "1", "on"}) {
            assertThat(ParameterValues.convert(yes, "bool", "$1").value()).isEqualTo(true);
        }
        for (String no : new String[] {"false", "f", "NO", "0", "off"}) {
            assertThat(ParameterValues.convert(no, "boolean", "$1").value()).isEqualTo(false);
        }
        assertThatThrownBy(() -> ParameterValues.convert("maybe", "bool", ":flag"))
                .hasMessageStartingWith(":flag expects boolean: \"maybe\" is not true/false");
    }

    @Test
    void datesAndTimestampsParseAsWritten() throws ParameterValueException {
        assertThat(ParameterValues.convert("2024-02-29", "date", "$1").value()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ParameterValues.convert("2024-02-29 13:45", "timestamp", "$1")
                        .value())
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45));
        assertThat(ParameterValues.convert("2024-02-29T13:45:10.5", "timestamp", "$1")
                        .value())
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 500_000_000));
        assertThat(ParameterValues.convert("2024-02-29 13:45:00+01:00", "timestamptz", "$1")
                        .value())
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 45, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(ParameterValues.convert("2024-02-29 13:45:00+02", "timestamptz", "$1")
                        .value())
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 45, 0, 0, ZoneOffset.ofHours(2)));
        assertThatThrownBy(() -> ParameterValues.convert("2024-02-30", "date", "$3"))
                .hasMessage("$3 expects date: \"2024-02-30\" is not a valid date (expected e.g. 2024-01-31)");
    }

    @Test
    void aDateAloneIsMidnightForATimestampAndAnImpossibleOneIsRefusedForEachType() throws ParameterValueException {
        assertThat(ParameterValues.convert("2025-06-01", "timestamp", "$1").value())
                .isEqualTo(LocalDateTime.of(2025, 6, 1, 0, 0));
        assertThatThrownBy(() -> ParameterValues.convert("2024-02-30 10:00", "timestamp", "$1"))
                .hasMessageContaining("is not a valid timestamp");
        assertThatThrownBy(() -> ParameterValues.convert("2024-02-30", "timestamptz", ":since"))
                .hasMessage(":since expects timestamptz: \"2024-02-30\" is not a valid timestamptz"
                        + " (expected e.g. 2024-01-31 13:45:00+01:00)");
    }

    @Test
    void whatOnlyTheServerCanReadGoesToItAsText() throws ParameterValueException {
        // Without an offset, a timestamptz takes the session's time zone, which only the server knows.
        assertThat(ParameterValues.convert("2025-06-01", "timestamptz", ":since")
                        .value())
                .isEqualTo("2025-06-01");
        assertThat(ParameterValues.convert("2025-06-01 08:30", "timestamptz", ":since")
                        .value())
                .isEqualTo("2025-06-01 08:30");
        assertThat(ParameterValues.convert("today", "date", "$1").value()).isEqualTo("today");
        assertThat(ParameterValues.convert("now", "timestamptz", "$1").value()).isEqualTo("now");
        assertThat(ParameterValues.convert("Jan 8 2024", "timestamp", "$1").value())
                .isEqualTo("Jan 8 2024");
    }

    @Test
    void uuidsAndJsonAreChecked() throws ParameterValueException {
        String id = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(ParameterValues.convert(id, "uuid", "$1").value()).isEqualTo(UUID.fromString(id));
        assertThatThrownBy(() -> ParameterValues.convert("123", "uuid", "$1"))
                .hasMessageStartingWith("$1 expects uuid");
        assertThat(ParameterValues.convert("{\"a\": [1, 2]}", "jsonb", "$1").value())
                .isEqualTo("{\"a\": [1, 2]}");
        assertThatThrownBy(() -> ParameterValues.convert("{a:", "jsonb", "$2"))
                .hasMessageStartingWith("$2 expects jsonb: \"{a:\" is not valid JSON");
    }

    @Test
    void unknownTypesPassTheTextUnchanged() throws ParameterValueException {
        ParameterValue value = ParameterValues.convert("(1,2)", "point", "$1");

        assertThat(value.value()).isEqualTo("(1,2)");
        assertThat(value.typeName()).isEqualTo("point");
        assertThat(ParameterValues.convert(" padded ", "varchar", "$1").value()).isEqualTo(" padded ");
    }

    @Test
    void aNullValueKeepsItsType() {
        ParameterValue value = ParameterValue.nullOf("int4");

        assertThat(value.isNull()).isTrue();
        assertThat(value.typeName()).isEqualTo("int4");
    }
}
