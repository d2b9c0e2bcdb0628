package dev.pgdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

class CellTextTest {

    @Test
    void nullStaysNullWhileTheEmptyStringIsEmpty() {
        assertThat(CellText.cell("text", null)).isNull();
        assertThat(CellText.cell("text", "")).isEmpty();
        assertThat(CellText.detail("text", null)).isEqualTo("NULL");
    }

    @Test
    void numbersAreExactAndNumericTypesAreKnown() {
        assertThat(CellText.cell("numeric", new BigDecimal("1.50E+20"))).isEqualTo("150000000000000000000");
        assertThat(CellText.cell("int8", 9_007_199_254_740_993L)).isEqualTo("9007199254740993");
        assertThat(CellText.isNumeric("numeric")).isTrue();
        assertThat(CellText.isNumeric("int4")).isTrue();
        assertThat(CellText.isNumeric("text")).isFalse();
    }

    @Test
    void datesAndTimesAreIsoWithTheirOffset() {
        OffsetDateTime instant = OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 500_000_000, ZoneOffset.ofHours(2));
        assertThat(CellText.cell("timestamptz", instant)).isEqualTo("2024-01-31T13:45:00.5+02:00");
        assertThat(CellText.cell("timestamptz", instant.withOffsetSameInstant(ZoneOffset.UTC)))
                .isEqualTo("2024-01-31T11:45:00.5+00:00");
        assertThat(CellText.cell("timestamp", LocalDateTime.of(2024, 1, 31, 13, 45, 1)))
                .isEqualTo("2024-01-31T13:45:01");
        assertThat(CellText.cell("date", LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(CellText.cell(
                        "timestamptz", new java.sql.Timestamp(org.postgresql.PGStatement.DATE_POSITIVE_INFINITY)))
                .isEqualTo("infinity");
        assertThat(CellText.cell("date", new java.sql.Date(org.postgresql.PGStatement.DATE_NEGATIVE_INFINITY)))
                .isEqualTo("-infinity");
        assertThat(CellText.cell("timestamp", java.sql.Timestamp.valueOf("2024-01-31 13:45:00.25")))
                .isEqualTo("2024-01-31T13:45:00.25");
        assertThat(CellText.cell("date", java.sql.Date.valueOf("2024-01-31"))).isEqualTo("2024-01-31");
        assertThat(CellText.cell("timetz", OffsetTime.of(8, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("08:00:00+00:00");
    }

    @Test
    void intervalsUuidsBooleansAndArraysReadNaturally() throws Exception {
        assertThat(CellText.cell("interval", new PGInterval(1, 2, 3, 4, 5, 6.5)))
                .isEqualTo("P1Y2M3DT4H5M6.5S");
        assertThat(CellText.cell("interval", new PGInterval(0, 0, 0, 0, 0, 0))).isEqualTo("PT0S");
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(CellText.cell("uuid", id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(CellText.cell("bool", true)).isEqualTo("true");
        assertThat(CellText.cell("_text", new String[] {"a", "b c", null, ""})).isEqualTo("{a,\"b c\",NULL,\"\"}");
        assertThat(CellText.cell("_int4", new Integer[][] {{1, 2}, {3, 4}})).isEqualTo("{{1,2},{3,4}}");
    }

    @Test
    void byteaShowsAHexPreviewWithItsSize() {
        byte[] png = new byte[12_595];
        png[0] = (byte) 0x89;
        png[1] = 0x50;
        png[2] = 0x4e;
        png[3] = 0x47;
        assertThat(CellText.cell("bytea", png)).isEqualTo("\\x89504e4700000000… (12.3 KB)");
        assertThat(CellText.cell("bytea", new byte[] {1, 2})).isEqualTo("\\x0102 (2 B)");
        // As results hold it: the server's hex text, previewed the same way.
        assertThat(CellText.cell("bytea", "\\x0102")).isEqualTo("\\x0102 (2 B)");
        assertThat(CellText.cell("bytea", "\\x" + "ab".repeat(20))).isEqualTo("\\xabababababababab… (20 B)");
        assertThat(CellText.detail("bytea", png)).startsWith("12.3 KB\n00000000  89 50 4e 47");
    }

    @Test
    void longTextIsCutInTheCellButWholeInTheDetail() {
        String text = "x".repeat(2_000);
        assertThat(CellText.cell("text", text)).hasSize(CellText.CELL_LIMIT + 1).endsWith("…");
        assertThat(CellText.detail("text", text)).isEqualTo(text);
    }

    @Test
    void jsonIsIndentedForTheValuePanelWithNumbersKept() throws Exception {
        PGobject doc = new PGobject();
        doc.setType("jsonb");
        doc.setValue("{\"a\": [1, 2.50], \"b\": {\"c\": null}}");

        assertThat(CellText.cell("jsonb", doc)).isEqualTo("{\"a\": [1, 2.50], \"b\": {\"c\": null}}");
        String pretty = CellText.detail("jsonb", doc);
        assertThat(pretty.lines().count()).isGreaterThan(3);
        assertThat(pretty).contains("2.50").contains("\"c\" : null");
        assertThat(CellText.prettyJson("not json {")).isEqualTo("not json {");
    }
}
