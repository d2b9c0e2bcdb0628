package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgdesk.query.Column;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/** Each kind of value pgjdbc returns, as {@link JsonValueWriter} writes it. */
class JsonValueWriterTest {

    private static String write(String type, Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonValueWriter.jsonFactory().createGenerator(text)) {
            JsonValueWriter.writeValue(json, type, value);
        }
        return text.toString();
    }

    private static PGobject object(String type, String value) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(value);
        return object;
    }

    @Test
    void nullIsJsonNull() throws IOException {
        assertThat(write("int4", null)).isEqualTo("null");
        assertThat(write("jsonb", null)).isEqualTo("null");
    }

    @Test
    void booleansAreJsonBooleans() throws IOException {
        assertThat(write("bool", true)).isEqualTo("true");
        assertThat(write("bool", false)).isEqualTo("false");
    }

    @Test
    void integersAreExactNumbers() throws IOException {
        assertThat(write("int2", (short) -32768)).isEqualTo("-32768");
        assertThat(write("int4", 2_147_483_647)).isEqualTo("2147483647");
        assertThat(write("int8", Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(write("numeric", new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void numericKeepsEveryDigitAndItsScaleWithoutAnExponent() throws IOException {
        assertThat(write("numeric", new BigDecimal("12345678901234567890.000000000001")))
                .isEqualTo("12345678901234567890.000000000001");
        assertThat(write("numeric", new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(write("numeric", new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void floatingPointIsANumberInItsShortestForm() throws IOException {
        assertThat(write("float4", 1.1f)).isEqualTo("1.1");
        assertThat(write("float8", 0.1)).isEqualTo("0.1");
    }

    @Test
    void nanAndInfinitiesAreStrings() throws IOException {
        assertThat(write("float8", Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(write("float4", Float.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
        assertThat(write("float8", Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
        // pgjdbc returns numeric 'NaN' as a double.
        assertThat(write("numeric", Double.NaN)).isEqualTo("\"NaN\"");
    }

    @Test
    void textIsAnEscapedString() throws IOException {
        assertThat(write("text", "say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(write("varchar", "ünï")).isEqualTo("\"ünï\"");
    }

    @Test
    void jsonIsEmbeddedAsJsonKeepingExactNumbersAndRepeatedKeys() throws Exception {
        assertThat(write("json", object("json", "{\"a\": 1, \"a\": [2.50, true, null]}")))
                .isEqualTo("{\"a\":1,\"a\":[2.50,true,null]}");
        assertThat(write("jsonb", object("jsonb", "123456789012345678901234567890.123456789")))
                .isEqualTo("123456789012345678901234567890.123456789");
        assertThat(write("jsonb", object("jsonb", "\"text\""))).isEqualTo("\"text\"");
        assertThat(write("jsonb", object("jsonb", "null"))).isEqualTo("null");
        assertThat(write("json", "{\"from\": \"a string\"}")).isEqualTo("{\"from\":\"a string\"}");
    }

    @Test
    void jsonBeyondJacksonsDefaultLimitsIsStillWritten() throws Exception {
        String longNumber = "1".repeat(5_000);
        String deep = "[".repeat(2_000) + "]".repeat(2_000);

        assertThat(write("jsonb", object("jsonb", longNumber))).isEqualTo(longNumber);
        assertThat(write("jsonb", object("jsonb", deep))).isEqualTo(deep);
    }

    @Test
    void otherServerTypesAreTheirText() throws Exception {
        assertThat(write("inet", object("inet", "192.168.0.1/24"))).isEqualTo("\"192.168.0.1/24\"");
        assertThat(write("uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))
                .isEqualTo("\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"");
    }

    @Test
    void byteaIsHexLikePsql() throws IOException {
        assertThat(write("bytea", new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("\"\\\\x00ff10\"");
        assertThat(write("bytea", new byte[0])).isEqualTo("\"\\\\x\"");
    }

    @Test
    void timestampWithoutTimeZoneIsItsLocalDateTime() throws IOException {
        Timestamp timestamp = Timestamp.valueOf(LocalDateTime.of(2024, 1, 31, 13, 45, 0, 123_456_000));

        assertThat(write("timestamp", timestamp)).isEqualTo("\"2024-01-31T13:45:00.123456\"");
    }

    @Test
    void timestampWithTimeZoneIsWrittenInUtc() throws IOException {
        Timestamp timestamp = Timestamp.from(Instant.parse("2024-01-31T12:45:00Z"));

        assertThat(write("timestamptz", timestamp)).isEqualTo("\"2024-01-31T12:45:00+00:00\"");
    }

    @Test
    void datesBeforeYearOneCarryBcAsPostgresWritesThem() throws IOException {
        java.util.GregorianCalendar calendar = new java.util.GregorianCalendar();
        calendar.clear();
        calendar.set(java.util.Calendar.ERA, java.util.GregorianCalendar.BC);
        calendar.set(4000, java.util.Calendar.JANUARY, 1, 13, 0, 0);

        assertThat(write("date", new java.sql.Date(calendar.getTimeInMillis()))).isEqualTo("\"4000-01-01 BC\"");
        assertThat(write("timestamp", new Timestamp(calendar.getTimeInMillis())))
                .isEqualTo("\"4000-01-01T13:00:00 BC\"");
    }

    @Test
    void datesBeforeTheGregorianReformKeepTheirDay() throws IOException {
        // pgjdbc builds old dates in the Julian calendar from the server's fields; java.time would shift them.
        assertThat(write("date", java.sql.Date.valueOf("1000-01-01"))).isEqualTo("\"1000-01-01\"");
        assertThat(write("timestamp", Timestamp.valueOf("0005-03-01 00:00:00"))).isEqualTo("\"0005-03-01T00:00:00\"");
    }

    @Test
    void infiniteDatesAndTimestampsAreWrittenAsPostgresSpellsThem() throws IOException {
        assertThat(write("timestamp", new Timestamp(PGStatement.DATE_POSITIVE_INFINITY)))
                .isEqualTo("\"infinity\"");
        assertThat(write("timestamptz", new Timestamp(PGStatement.DATE_NEGATIVE_INFINITY)))
                .isEqualTo("\"-infinity\"");
        assertThat(write("date", new java.sql.Date(PGStatement.DATE_POSITIVE_SMALLER_INFINITY)))
                .isEqualTo("\"infinity\"");
    }

    @Test
    void datesAndTimesAreIso() throws IOException {
        assertThat(write("date", java.sql.Date.valueOf(LocalDate.of(2024, 2, 29))))
                .isEqualTo("\"2024-02-29\"");
        assertThat(write("time", Time.valueOf(LocalTime.of(13, 45, 30)))).isEqualTo("\"13:45:30\"");
        Time withMillis = new Time(Time.valueOf(LocalTime.of(13, 45, 30)).getTime() + 125);
        assertThat(write("time", withMillis)).isEqualTo("\"13:45:30.125\"");
    }

    @Test
    void javaTimeValuesAreWrittenTheSameWay() throws IOException {
        assertThat(write("date", LocalDate.of(-43, 3, 15))).isEqualTo("\"0044-03-15 BC\"");
        assertThat(write("timestamp", LocalDateTime.of(2024, 1, 31, 13, 45))).isEqualTo("\"2024-01-31T13:45:00\"");
        assertThat(write("timestamptz", OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("\"2024-01-31T12:45:00+00:00\"");
        assertThat(write("time", LocalTime.of(13, 45, 30, 123_456_000))).isEqualTo("\"13:45:30.123456\"");
        assertThat(write("timetz", OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("\"13:45:30+02:00\"");
    }

    @Test
    void intervalsAreIsoDurations() throws Exception {
        assertThat(write("interval", new PGInterval(1, 2, 3, 4, 5, 6.5))).isEqualTo("\"P1Y2M3DT4H5M6.5S\"");
        assertThat(write("interval", new PGInterval("1 day 02:00:00"))).isEqualTo("\"P1DT2H\"");
        assertThat(write("interval", new PGInterval(0, 0, -1, 0, 0, 0))).isEqualTo("\"P-1D\"");
        assertThat(write("interval", new PGInterval(0, 0, 0, 0, 0, 0.000001))).isEqualTo("\"PT0.000001S\"");
        assertThat(write("interval", new PGInterval(0, 0, 0, 0, 0, 0))).isEqualTo("\"PT0S\"");
    }

    @Test
    void arraysAreJsonArraysOfTheirElementType() throws IOException {
        assertThat(write("_int4", new Integer[][] {{1, 2}, {3, null}})).isEqualTo("[[1,2],[3,null]]");
        assertThat(write("_text", new String[] {"a", "b"})).isEqualTo("[\"a\",\"b\"]");
        assertThat(write("_jsonb", new String[] {"{\"k\": 1}", null})).isEqualTo("[{\"k\":1},null]");
        assertThat(write("_int8", new long[] {1L, 2L})).isEqualTo("[1,2]");
    }

    @Test
    void hstoreMapsAreJsonObjects() throws IOException {
        Map<String, String> hstore = new LinkedHashMap<>();
        hstore.put("colour", "red");
        hstore.put("size", null);

        assertThat(write("hstore", hstore)).isEqualTo("{\"colour\":\"red\",\"size\":null}");
    }

    @Test
    void repeatedColumnNamesGetTheFirstFreeSuffix() {
        List<Column> columns = List.of(
                new Column("a", "int4"),
                new Column("a", "int4"),
                new Column("a_2", "int4"),
                new Column("a", "int4"),
                new Column("?column?", "int4"));

        assertThat(JsonValueWriter.fieldNames(columns)).containsExactly("a", "a_3", "a_2", "a_4", "?column?");
    }

    @Test
    void rowIsAnObjectKeyedByUniqueNames() throws IOException {
        JsonValueWriter writer = new JsonValueWriter(List.of(new Column("a", "int4"), new Column("a", "text")));
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonValueWriter.jsonFactory().createGenerator(text)) {
            writer.writeRow(json, new Object[] {1, "x"});
        }

        assertThat(text).hasToString("{\"a\":1,\"a_2\":\"x\"}");
    }

    @Test
    void rowOfTheWrongWidthIsRefused() {
        JsonValueWriter writer = new JsonValueWriter(List.of(new Column("a", "int4")));

        assertThatThrownBy(() -> writer.writeRow(
                        JsonValueWriter.jsonFactory().createGenerator(new StringWriter()), new Object[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values but the result has 1 columns");
    }
}
