package dev.pgdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterMemoryTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data/parameter-values.json");
    }

    private ParameterMemory memory() {
        return new ParameterMemory(file(), ParameterMemory.MAX_STATEMENTS, FIXED);
    }

    @Test
    void rememberedValuesAreRecalledAfterARestart() throws IOException {
        Map<String, RememberedValue> values = Map.of(
                "$1", RememberedValue.of("42"),
                ":name", new RememberedValue("typed before NULL", true, "text"),
                ":since", new RememberedValue("2026-01-01", false, "date"));
        memory().remember("select * from t where id = $1 and name = :name and at > :since", values);

        assertThat(memory().recall("select * from t where id = $1 and name = :name and at > :since"))
                .contains(values);
    }

    @Test
    void reindentingTheStatementStillRecallsItsValues() throws IOException {
        ParameterMemory memory = memory();
        memory.remember("select *\n  from t\n where id = $1;", Map.of("$1", RememberedValue.of("7")));

        assertThat(memory().recall("  select * from t\twhere   id = $1;\n\n"))
                .contains(Map.of("$1", RememberedValue.of("7")));
        assertThat(memory().recall("select * from t where id = $1 ;")).isEmpty();
    }

    @Test
    void theNewestValuesReplaceTheOldOnes() throws IOException {
        ParameterMemory memory = memory();
        memory.remember("select $1", Map.of("$1", RememberedValue.of("1")));
        memory.remember("select   $1", Map.of("$1", RememberedValue.sqlNull()));

        assertThat(memory().recall("select $1")).contains(Map.of("$1", RememberedValue.sqlNull()));
    }

    @Test
    void onlyTheMostRecentlyRememberedStatementsAreKept() throws IOException {
        ParameterMemory memory = new ParameterMemory(file(), 3, FIXED);
        memory.remember("select 1, $1", Map.of("$1", RememberedValue.of("a")));
        memory.remember("select 2, $1", Map.of("$1", RememberedValue.of("b")));
        memory.remember("select 3, $1", Map.of("$1", RememberedValue.of("c")));
        memory.remember("select 1, $1", Map.of("$1", RememberedValue.of("a again")));
        memory.remember("select 4, $1", Map.of("$1", RememberedValue.of("d")));

        ParameterMemory reloaded = new ParameterMemory(file(), 3, FIXED);
        assertThat(reloaded.recall("select 2, $1"))
                .as("least recently remembered")
                .isEmpty();
        assertThat(reloaded.recall("select 1, $1")).contains(Map.of("$1", RememberedValue.of("a again")));
        assertThat(reloaded.recall("select 3, $1")).isPresent();
        assertThat(reloaded.recall("select 4, $1")).isPresent();
    }

    @Test
    void theDefaultLimitIsFiveHundredStatements() throws IOException {
        ParameterMemory memory = memory();
        for (int n = 0; n < 501; n++) {
            memory.remember("select " + n + ", $1", Map.of("$1", RememberedValue.of(Integer.toString(n))));
        }

        ParameterMemory reloaded = memory();
        assertThat(reloaded.recall("select 0, $1")).isEmpty();
        assertThat(reloaded.recall("select 1, $1")).isPresent();
        assertThat(reloaded.recall("select 500, $1")).contains(Map.of("$1", RememberedValue.of("500")));
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndCarriesItsFormatVersion() throws IOException {
        memory().remember("select $1", Map.of("$1", RememberedValue.of("secret")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file())).startsWith("{\"formatVersion\":1,");
    }

    @Test
    void aFileFromANewerPgdeskIsUsedAsFarAsUnderstoodAndNeverChanged() throws IOException {
        Files.createDirectories(file().getParent());
        String content = """
                {"formatVersion":3,"statements":[
                  {"statement":"select $1","values":{"$1":{"value":"7","isNull":false,"colour":"red"}}}
                ],"pinned":[]}
                """;
        Files.writeString(file(), content);
        ParameterMemory memory = memory();

        assertThat(memory.recall("select $1")).contains(Map.of("$1", RememberedValue.of("7")));
        assertThat(memory.problem())
                .get()
                .asString()
                .contains("newer version of pgdesk (format version 3; this version reads 1)");
        assertThatThrownBy(() -> memory.remember("select $2", Map.of("$2", RememberedValue.of("8"))))
                .hasMessageContaining("does not change the file");

        assertThat(memory.recall("select $2")).as("kept for the session").isPresent();
        assertThat(file()).hasContent(content);
        try (var files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void aCorruptFileIsMovedAsideAndValuesAreRememberedAfresh() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\":1,\"statements\":[{\"statement\"");

        ParameterMemory memory = memory();
        assertThat(memory.recall("select $1")).isEmpty();
        assertThat(memory.problem())
                .get()
                .asString()
                .contains("is not valid JSON")
                .contains("parameter-values.json.corrupt-20260304-050607");

        memory.remember("select $1", Map.of("$1", RememberedValue.of("1")));

        assertThat(memory().recall("select $1")).isPresent();
        assertThat(memory().problem()).isEmpty();
        assertThat(Files.exists(dir.resolve("data/parameter-values.json.corrupt-20260304-050607")))
                .isTrue();
    }

    @Test
    void statementsWithoutParametersAreNotRemembered() throws IOException {
        memory().remember("select 1", Map.of());

        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void aValueTooLongToKeepIsLeftOutAndTheOthersAreKept() throws IOException {
        String huge = "x".repeat(ParameterMemory.MAX_TEXT_LENGTH + 1);
        memory().remember("select $1, $2", Map.of("$1", RememberedValue.of(huge), "$2", RememberedValue.of("ok")));

        assertThat(memory().recall("select $1, $2")).contains(Map.of("$2", RememberedValue.of("ok")));
    }

    @Test
    void theKeyTrimsAndCollapsesWhitespace() {
        assertThat(ParameterMemory.key("\n  select\t*\r\n from   t  ")).isEqualTo("select * from t");
    }
}
