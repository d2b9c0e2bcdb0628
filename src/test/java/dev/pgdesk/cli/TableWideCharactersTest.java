package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format table} lines up wide characters as psql does. The expected table is psql 15's own output for
 * the same query ({@code psql -X -c "…"}), recorded in {@code psql-wide-characters.txt}; psql pads a centred
 * header to the end of its last column, pgdesk ends every line at its last character, so trailing spaces are not
 * compared.
 */
@Tag("server")
class TableWideCharactersTest {
    /** The query the recorded psql output is of. */
    static final String QUERY = "select '日本語' as a, 'x' as b, 42 as n union all select 'ｆｕｌｌ', 'e'||U&'\\0301'||'té', 7"
            + " union all select '한국어 text', '', 12345 order by n";

    @TempDir
    Path home;

    @Test
    void wideAndCombiningCharactersAlignAsInPsql() throws IOException {
        TestServer server = TestServer.shared();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QueryCommand command = new QueryCommand(
                List::of,
                new PgEnvironment(Map.of("PGPASSWORD", server.password(TestServer.SUPERUSER)), home),
                PasswordLookup.NONE);

        int status = command.run(
                List.of(
                        "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/"
                                + server.database(),
                        "--sql",
                        QUERY,
                        "--format",
                        "table"),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing))
                .containsExactlyElementsOf(psqlOutput());
    }

    private static List<String> psqlOutput() throws IOException {
        try (InputStream in = TableWideCharactersTest.class.getResourceAsStream("psql-wide-characters.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::stripTrailing)
                    .toList();
        }
    }
}
