package dev.pgdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.query.Column;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

class CopyFormatsTest {
    private static final List<Column> COLUMNS =
            List.of(new Column("id", "int4"), new Column("note", "text"), new Column("doc", "jsonb"));

    private static PGobject jsonb(String value) throws Exception {
        PGobject object = new PGobject();
        object.setType("jsonb");
        object.setValue(value);
        return object;
    }

    private static List<Object[]> rows() throws Exception {
        return List.of(
                new Object[] {1, "It's \"quoted\", here", jsonb("{\"n\": 12345678901234567890.5}")},
                new Object[] {2, "", null},
                new Object[] {null, "line\nbreak\tand tab | pipe", jsonb("[1, 2]")},
                new Object[] {4, "żółw 🐢", jsonb("null")});
    }

    @Test
    void tsvHasNoHeaderLeavesNullEmptyAndQuotesTabsAndLineBreaks() throws Exception {
        String tsv = CopyFormats.tsv(COLUMNS, rows());

        assertThat(tsv)
                .isEqualTo("1\tIt's \"quoted\", here\t{\"n\": 12345678901234567890.5}\n"
                        + "2\t\t\n"
                        + "\t\"line\nbreak\tand tab | pipe\"\t[1, 2]\n"
                        + "4\tżółw 🐢\tnull\n");
    }

    @Test
    void csvFollowsRfc4180AndTellsTheEmptyStringFromNull() throws Exception {
        String csv = CopyFormats.csv(COLUMNS, rows());

        assertThat(csv)
                .isEqualTo("id,note,doc\r\n"
                        + "1,\"It's \"\"quoted\"\", here\",\"{\"\"n\"\": 12345678901234567890.5}\"\r\n"
                        + "2,\"\",\r\n"
                        + ",\"line\nbreak\tand tab | pipe\",\"[1, 2]\"\r\n"
                        + "4,żółw 🐢,null\r\n");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithJsonEmbeddedAndNumbersExact() throws Exception {
        String json = CopyFormats.json(COLUMNS, rows());

        JsonNode array = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json);
        assertThat(array.size()).isEqualTo(4);
        assertThat(array.get(0).get("doc").get("n").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890.5"));
        assertThat(array.get(0).get("note").asText()).isEqualTo("It's \"quoted\", here");
        assertThat(array.get(1).get("doc").isNull()).isTrue();
        assertThat(array.get(1).get("note").asText()).isEmpty();
        assertThat(array.get(2).get("id").isNull()).isTrue();
        assertThat(array.get(2).get("doc").isArray()).isTrue();
        assertThat(array.get(3).get("note").asText()).isEqualTo("żółw 🐢");
        assertThat(json).contains("12345678901234567890.5");
    }

    @Test
    void markdownEscapesPipesAndLineBreaksAndRightAlignsNumbers() throws Exception {
        String markdown = CopyFormats.markdown(COLUMNS, rows());

        assertThat(markdown.lines().toList())
                .containsExactly(
                        "| id | note | doc |",
                        "| ---: | --- | --- |",
                        "| 1 | It's \"quoted\", here | {\"n\": 12345678901234567890.5} |",
                        "| 2 |  | NULL |",
                        "| NULL | line<br>break\tand tab \\| pipe | [1, 2] |",
                        "| 4 | żółw 🐢 | null |");
    }

    @Test
    void sqlInsertQuotesTextDoublingQuotesAndCastsOtherTypes() throws Exception {
        String sql = CopyFormats.sqlInsert(null, COLUMNS, rows());

        assertThat(sql.lines().toList())
                .containsExactly(
                        "INSERT INTO result (id, note, doc) VALUES (1, 'It''s \"quoted\", here',"
                                + " '{\"n\": 12345678901234567890.5}'::jsonb);",
                        "INSERT INTO result (id, note, doc) VALUES (2, '', NULL);",
                        "INSERT INTO result (id, note, doc) VALUES (NULL, 'line",
                        "break\tand tab | pipe', '[1, 2]'::jsonb);",
                        "INSERT INTO result (id, note, doc) VALUES (4, 'żółw 🐢', 'null'::jsonb);");
    }

    @Test
    void sqlLiteralsOfTheServersTextAreBareNumbersAndBooleansAndCastEverythingElse() {
        assertThat(CopyFormats.sqlLiteral("int4", "42")).isEqualTo("42");
        assertThat(CopyFormats.sqlLiteral("numeric", "-1.50")).isEqualTo("-1.50");
        assertThat(CopyFormats.sqlLiteral("numeric", "NaN")).isEqualTo("'NaN'::numeric");
        assertThat(CopyFormats.sqlLiteral("bool", "t")).isEqualTo("TRUE");
        assertThat(CopyFormats.sqlLiteral("bool", "f")).isEqualTo("FALSE");
        assertThat(CopyFormats.sqlLiteral("money", "$1,000.00")).isEqualTo("'$1,000.00'::money");
        assertThat(CopyFormats.sqlLiteral("text", "It's")).isEqualTo("'It''s'");
    }

    @Test
    void sqlLiteralsKeepNumbersExactBooleansBareAndQuoteOddNames() {
        assertThat(CopyFormats.sqlLiteral("numeric", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CopyFormats.sqlLiteral("float8", Double.NaN)).isEqualTo("'NaN'::float8");
        assertThat(CopyFormats.sqlLiteral("bool", true)).isEqualTo("TRUE");
        assertThat(CopyFormats.sqlLiteral("bytea", new byte[] {1, (byte) 0xab})).isEqualTo("'\\x01ab'::bytea");
        assertThat(CopyFormats.sqlLiteral("_int4", new Integer[] {1, null})).isEqualTo("'{1,NULL}'::int4[]");
        assertThat(CopyFormats.sqlInsert(
                        "public.t", List.of(new Column("Order Id", "int4")), List.<Object[]>of(new Object[] {7})))
                .isEqualTo("INSERT INTO public.t (\"Order Id\") VALUES (7);\n");
        assertThat(CopyFormats.identifier("select")).isEqualTo("\"select\"");
    }

    @Test
    void formatDispatchesToEachFormat() throws Exception {
        for (CopyFormat format : CopyFormat.values()) {
            assertThat(CopyFormats.format(format, COLUMNS, rows(), null))
                    .as(format.label())
                    .contains("żółw");
        }
    }
}
