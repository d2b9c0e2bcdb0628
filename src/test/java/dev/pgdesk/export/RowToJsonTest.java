package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgdesk.query.PgType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces of {@link RowToJson} that read the server's text, on the spellings PostgreSQL writes; {@code
 * cli.ValuesAsPostgresWritesThemTest} compares the whole mapping with the server's own {@code row_to_json}.
 */
class RowToJsonTest {
    private static String json(PgType type, String text) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonValueWriter.jsonFactory().createGenerator(out)) {
            RowToJson.write(json, type, text, JsonValueWriter.Options.QUERY_OUTPUT);
        }
        return out.toString();
    }

    @Test
    void timestampsGetTheTAndAnOffsetWithMinutesAsXmlSchemaWritesThem() {
        assertThat(RowToJson.isoTimestamp("2024-01-31 13:45:00.5+01", true)).isEqualTo("2024-01-31T13:45:00.5+01:00");
        assertThat(RowToJson.isoTimestamp("2024-01-31 13:45:00-03:30", true)).isEqualTo("2024-01-31T13:45:00-03:30");
        assertThat(RowToJson.isoTimestamp("1900-01-01 00:00:00+00:09:21", true))
                .isEqualTo("1900-01-01T00:00:00+00:09:21");
        assertThat(RowToJson.isoTimestamp("0044-03-15 12:00:00+00 BC", true)).isEqualTo("0044-03-15T12:00:00+00:00 BC");
        assertThat(RowToJson.isoTimestamp("0001-01-01 00:00:00 BC", false)).isEqualTo("0001-01-01T00:00:00 BC");
        assertThat(RowToJson.isoTimestamp("infinity", true)).isEqualTo("infinity");
        assertThat(RowToJson.isoTimestamp("-infinity", false)).isEqualTo("-infinity");
    }

    @Test
    void onlyTextThatIsAJsonNumberIsWrittenAsANumber() {
        assertThat(List.of("0", "-0", "12", "1.50", "1e+100", "-5e-324", "1E7")).allMatch(RowToJson::isJsonNumber);
        assertThat(List.of("NaN", "Infinity", "-Infinity", "", "-", "01", "1.", ".5", "1e", "+1", "1,000"))
                .noneMatch(RowToJson::isJsonNumber);
    }

    @Test
    void arraysKeepQuotedElementsNullsAndDimensionsAndDropTheirBounds() throws IOException {
        PgType texts = PgType.named("_text");

        assertThat(json(texts, "{\"a \\\"q\\\"\",NULL,\"NULL\",\"\",\"x,y\"}"))
                .isEqualTo("[\"a \\\"q\\\"\",null,\"NULL\",\"\",\"x,y\"]");
        assertThat(json(PgType.named("_int4"), "[0:1][2:2]={{1},{2}}")).isEqualTo("[[1],[2]]");
        assertThat(json(PgType.named("_box"), "{(3,4),(1,2);(0,0),(0,0)}"))
                .isEqualTo("[\"(3,4),(1,2)\",\"(0,0),(0,0)\"]");
        // Not an array literal at all (an int2vector prints "1 2"): its text, not a guess.
        assertThat(json(PgType.named("_int2"), "1 2")).isEqualTo("\"1 2\"");
    }

    @Test
    void compositesAreObjectsOfTheirFieldsWithEmptyForNullAndQuotesDoubled() throws IOException {
        PgType part = new PgType(
                "part",
                PgType.Kind.COMPOSITE,
                null,
                ',',
                List.of(
                        new PgType.Field("n", PgType.named("int4")),
                        new PgType.Field("label", PgType.named("text")),
                        new PgType.Field("ok", PgType.named("bool")),
                        new PgType.Field("tags", PgType.named("_text"))));

        assertThat(json(part, "(1,\"a, \"\"b\"\" \\\\ c\",,\"{x,\"\"y z\"\"}\")"))
                .isEqualTo("{\"n\":1,\"label\":\"a, \\\"b\\\" \\\\ c\",\"ok\":null,\"tags\":[\"x\",\"y z\"]}");
        assertThat(json(part, "(2,\"\",t,{})")).isEqualTo("{\"n\":2,\"label\":\"\",\"ok\":true,\"tags\":[]}");
        // A record of another shape than the catalog said: its text, never a wrong object.
        assertThat(json(part, "(1,2)")).isEqualTo("\"(1,2)\"");
    }
}
