package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The early check: what no PostgreSQL version reads is refused before anything is sent, naming the parameter
 * and the type; everything else is kept exactly as typed for the server to judge. {@link
 * ParameterServerJudgementTest} compares both sides with the server's own verdict on the same literal.
 */
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
        assertThatThrownBy(() -> ParameterValues.convert("NaN", "int8", "$2"))
                .hasMessage("$2 expects bigint: \"NaN\" is not a whole number");
    }

    @Test
    void aDecimalIntegerOutsideItsTypesRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> ParameterValues.convert("99999999999", "int4", "$1"))
                .hasMessage("$1 expects integer: \"99999999999\" is out of range (-2147483648 to 2147483647)");
        assertThatThrownBy(() -> ParameterValues.convert("-32769", "int2", "$1"))
                .hasMessage("$1 expects smallint: \"-32769\" is out of range (-32768 to 32767)");
        assertThatThrownBy(() -> ParameterValues.convert("9223372036854775808", "int8", "$1"))
                .hasMessageEndingWith("is out of range (-9223372036854775808 to 9223372036854775807)");
    }

    @Test
    void numbersAreKeptExactlyAsTyped() throws ParameterValueException {
        for (String[] value : new String[][] {
            {" 42 ", "int4"},
            {"0x1F", "int4"},
            {"1_000", "int8"},
            {"19.990", "numeric"},
            {"1e131072", "numeric"},
            {"NaN", "numeric"},
            {"-inf", "numeric"},
            {"1e400", "float8"},
            {"1e-400", "float8"},
            {"Infinity", "float8"},
            {"0x1p-3", "float8"},
            {"0.1", "float4"},
        }) {
            ParameterValue converted = ParameterValues.convert(value[0], value[1], "$1");
            assertThat(converted.value()).as(value[1]).isEqualTo(value[0]);
            assertThat(converted.label()).isEqualTo("$1");
        }
    }

    @Test
    void aWordOrAThousandsSeparatorIsNoNumber() {
        assertThatThrownBy(() -> ParameterValues.convert("1,5", "numeric", ":amount"))
                .hasMessage(":amount expects numeric: \"1,5\" is not a number");
        assertThatThrownBy(() -> ParameterValues.convert("infinite", "float8", "$1"))
                .hasMessage("$1 expects double precision: \"infinite\" is not a number");
    }

    @Test
    void booleansAcceptWhatTheServerAccepts() throws ParameterValueException {
        for (String yes : new String[] {"true", "T", "tru", "yes", "Y", "1", "on", " On "}) {
            assertThat(ParameterValues.convert(yes, "bool", "$1").value()).isEqualTo(yes);
        }
        for (String no : new String[] {"false", "f", "fal", "NO", "n", "0", "off", "of"}) {
            assertThat(ParameterValues.convert(no, "boolean", "$1").value()).isEqualTo(no);
        }
        for (String neither : new String[] {"maybe", "o", "", "truth", "2"}) {
            assertThatThrownBy(() -> ParameterValues.convert(neither, "bool", ":flag"))
                    .hasMessageStartingWith(":flag expects boolean: \"" + neither + "\" is not true/false");
        }
    }

    @Test
    void datesAndTimesAreTheServersToRead() throws ParameterValueException {
        for (String[] value : new String[][] {
            {"2024-02-29", "date"},
            {"2024-02-30", "date"},
            {"infinity", "date"},
            {"2024-01-01 BC", "date"},
            {"today", "date"},
            {"2024-01-01 24:00", "timestamp"},
            {"epoch", "timestamp"},
            {"Jan 8 2024", "timestamp"},
            {"-infinity", "timestamptz"},
            {"2025-06-01 08:30", "timestamptz"},
            {"2025-06-01 08:30 Europe/Paris", "timestamp with time zone"},
        }) {
            assertThat(ParameterValues.convert(value[0], value[1], "$1").value())
                    .as(value[1])
                    .isEqualTo(value[0]);
        }
    }

    @Test
    void uuidsNeedTheirThirtyTwoHexDigitsAndNoSpaces() throws ParameterValueException {
        String id = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(ParameterValues.convert(id, "uuid", "$1").value()).isEqualTo(id);
        assertThat(ParameterValues.convert("{123E4567E89B12D3A456426614174000}", "uuid", "$1")
                        .value())
                .isEqualTo("{123E4567E89B12D3A456426614174000}");
        assertThatThrownBy(() -> ParameterValues.convert("123", "uuid", "$1"))
                .hasMessageStartingWith("$1 expects uuid: \"123\" is not a UUID");
        // uuid_in skips no white space.
        assertThatThrownBy(() -> ParameterValues.convert(" " + id, "uuid", "$1"))
                .hasMessageStartingWith("$1 expects uuid");
    }

    @Test
    void jsonIsCheckedForSyntaxOnly() throws ParameterValueException {
        assertThat(ParameterValues.convert("{\"a\": [1, 2.50]}", "jsonb", "$1").value())
                .isEqualTo("{\"a\": [1, 2.50]}");
        assertThatThrownBy(() -> ParameterValues.convert("{a:", "jsonb", "$2"))
                .hasMessageStartingWith("$2 expects jsonb: \"{a:\" is not valid JSON");
        assertThatThrownBy(() -> ParameterValues.convert("{} {}", "json", "$2"))
                .hasMessage("$2 expects json: \"{} {}\" is not valid JSON: more follows the value");
        assertThatThrownBy(() -> ParameterValues.convert(" ", "json", "$2"))
                .hasMessage("$2 expects json: \" \" is not valid JSON: it is empty");
    }

    @Test
    void jsonBeyondTheParsersDefaultLimitsIsStillJson() throws ParameterValueException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String longNumber = "1" + "0".repeat(5000);

        assertThat(ParameterValues.convert(deep, "json", "$1").value()).isEqualTo(deep);
        assertThat(ParameterValues.convert(longNumber, "jsonb", "$1").value()).isEqualTo(longNumber);
    }

    @Test
    void unknownTypesPassTheTextUnchanged() throws ParameterValueException {
        ParameterValue value = ParameterValues.convert("(1,2)", "point", "$1");

        assertThat(value.value()).isEqualTo("(1,2)");
        assertThat(value.typeName()).isEqualTo("point");
        assertThat(ParameterValues.convert(" padded ", "varchar", "$1").value()).isEqualTo(" padded ");
        assertThat(ParameterValues.convert("$1,000.50", "money", "$1").value()).isEqualTo("$1,000.50");
    }

    @Test
    void aNullValueKeepsItsType() {
        ParameterValue value = ParameterValue.nullOf("int4");

        assertThat(value.isNull()).isTrue();
        assertThat(value.typeName()).isEqualTo("int4");
    }
}
