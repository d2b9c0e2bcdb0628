package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and the text of each kind of value. */
class CsvCellsTest {
    private static String record(char delimiter, String... fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvCells(out, delimiter).writeRecord(Arrays.asList(fields));
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreAndRecordsEndWithALineFeedAsCopyWrites() throws IOException {
        assertThat(record(',', "a", "b c", "1.5")).isEqualTo("a,b c,1.5\n");
    }

    @Test
    void fieldsWithTheDelimiterAQuoteOrALineBreakAreQuotedWithQuotesDoubled() throws IOException {
        assertThat(record(',', "x,y", "say \"hi\"", "two\nlines", "cr\rhere"))
                .isEqualTo("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\n");
    }

    @Test
    void aLoneBackslashDotIsQuotedOnlyWhenItIsTheRowsOnlyField() throws IOException {
        assertThat(record(',', "\\.")).isEqualTo("\"\\.\"\n");
        assertThat(record(',', "\\.", "x")).isEqualTo("\\.,x\n");
    }

    @Test
    void nullIsAnEmptyFieldAndAnEmptyStringIsTwoQuotes() throws IOException {
        assertThat(record(',', null, "", "z")).isEqualTo(",\"\",z\n");
    }

    @Test
    void theConfiguredDelimiterSeparatesAndTriggersQuotingInsteadOfTheComma() throws IOException {
        assertThat(record(';', "a,b", "c;d")).isEqualTo("a,b;\"c;d\"\n");
        assertThat(record('\t', "a\tb", "c")).isEqualTo("\"a\tb\"\tc\n");
    }

    @Test
    void valuesUseTheExportTextForms() throws IOException {
        StringWriter out = new StringWriter();
        new CsvCells(out, ',').writeRow(List.of("numeric", "bool", "bytea", "date", "_int4", "float8"), new Object[] {
            new BigDecimal("12345678901234567890.10"),
            true,
            new byte[] {0, (byte) 0xff},
            LocalDate.of(-43, 3, 15),
            new Integer[][] {{1, 2}, {3, null}},
            Double.NaN
        });
        assertThat(out.toString())
                .isEqualTo("12345678901234567890.10,true,AP8=,0044-03-15 BC,\"[[1,2],[3,null]]\",NaN\n");
    }
}
