package dev.pgdesk.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedQueryStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneOffset.UTC);
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("saved-queries.json");
    }

    private SavedQueryStore store() {
        return new SavedQueryStore(file(), CLOCK);
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static SavedQuery query(String name, String profileId) {
        return new SavedQuery(
                name,
                "Sales of one day",
                "SELECT * FROM sales WHERE day = :day AND region = $1",
                List.of(new SavedParameter(":day", "2026-11-21", "date"), SavedParameter.required("$1")),
                profileId,
                CREATED,
                CREATED);
    }

    @Test
    void savedQueriesComeBackExactlyAsTheyWereSaved() throws IOException {
        List<SavedQuery> queries = List.of(query("daily_report", null), query("daily_report", "p-1"));
        store().save(queries);

        SavedQueryStore.LoadResult loaded = store().load();

        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.queries()).containsExactlyElementsOf(queries);
        assertThat(loaded.queries().get(0).parameters().get(0).name()).isEqualTo("day");
    }

    @Test
    void theFileHasAFormatVersionAndIsReadableByItsOwnerOnly() throws IOException {
        store().save(List.of(query("daily_report", "p-1")));

        JsonNode root = new ObjectMapper().readTree(file().toFile());

        assertThat(root.get("formatVersion").intValue()).isEqualTo(1);
        JsonNode entry = root.get("queries").get(0);
        assertThat(entry.get("scope").textValue()).isEqualTo("profile");
        assertThat(entry.get("profileId").textValue()).isEqualTo("p-1");
        assertThat(entry.get("parameters").get(1).get("default").isNull()).isTrue();
        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void writingLeavesNoTemporaryFileBehindAndReplacesTheWholeFile() throws IOException {
        store().save(List.of(query("a", null), query("b", null)));
        store().save(List.of(query("c", null)));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("saved-queries.json");
        }
        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("c");
    }

    @Test
    void aFileThatIsNotJsonIsLeftAloneWhenReadAndMovedAsideByTheNextSave() throws IOException {
        Files.writeString(file(), "{ not json");

        SavedQueryStore store = store();
        SavedQueryStore.LoadResult loaded = store.load();

        assertThat(loaded.queries()).isEmpty();
        assertThat(loaded.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("is not valid JSON")
                        .contains("leaves it as it is")
                        .contains("saved-queries.json.corrupt-<date>"));
        assertThat(filesInDir()).containsExactly(file());
        assertThat(Files.readString(file())).isEqualTo("{ not json");

        store.put(query("fresh", null));

        assertThat(Files.readString(dir.resolve("saved-queries.json.corrupt-20261124-010000")))
                .isEqualTo("{ not json");
        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("fresh");
    }

    @Test
    void aFileFromANewerVersionIsReadButNeverChanged() throws IOException {
        String text = """
                {"formatVersion": 9, "futureSetting": true, "queries": [
                  {"name": "q", "sql": "SELECT 1", "colour": "blue",
                   "created": "2026-11-01T08:00:00Z", "updated": "2026-11-01T08:00:00Z"},
                  {"name": "bad name!", "sql": "SELECT 2",
                   "created": "2026-11-01T08:00:00Z", "updated": "2026-11-01T08:00:00Z"}]}
                """;
        Files.writeString(file(), text);
        SavedQueryStore store = store();

        SavedQueryStore.LoadResult loaded = store.load();

        assertThat(loaded.newerFile()).isTrue();
        assertThat(loaded.queries()).extracting(SavedQuery::name).containsExactly("q");
        assertThat(loaded.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("newer version of pgdesk (format version 9; this version reads 1)")
                        .contains("will not change the file")
                        .contains("\"bad name!\" was skipped")
                        .doesNotContain("backup"));
        assertThatThrownBy(() -> store.put(query("fresh", null)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("newer version of pgdesk")
                .hasMessageContaining("nothing was saved");
        assertThatThrownBy(() -> store.delete("q", null)).hasMessageContaining("nothing was saved");
        assertThatThrownBy(() -> store.rename("q", null, "r")).hasMessageContaining("nothing was saved");
        assertThat(Files.readString(file())).isEqualTo(text);
        assertThat(filesInDir()).containsExactly(file());
    }

    @Test
    void aBadEntryIsSkippedWithTheReasonAndTheFileCopiedOnceBeforeTheWriteThatDropsIt() throws IOException {
        store().save(List.of(query("good", null)));
        String text = Files.readString(file())
                .replace(
                        "\"queries\" : [",
                        "\"queries\" : [ {\"name\": \"bad name!\", \"sql\": \"SELECT 1\","
                                + " \"created\": \"2026-11-01T08:00:00Z\", \"updated\": \"2026-11-01T08:00:00Z\"},");
        Files.writeString(file(), text);

        SavedQueryStore.LoadResult loaded = store().load();
        store().load();

        assertThat(loaded.queries()).extracting(SavedQuery::name).containsExactly("good");
        assertThat(loaded.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("\"bad name!\" was skipped")
                        .contains("only letters")
                        .contains("saved-queries.json.backup-<date>"));
        assertThat(filesInDir()).as("reading copies nothing").containsExactly(file());

        store().put(query("other", null));
        store().put(query("third", null));

        Path backup = dir.resolve("saved-queries.json.backup-20261124-010000");
        assertThat(filesInDir()).containsExactlyInAnyOrder(file(), backup);
        assertThat(Files.readString(backup, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("good", "other", "third");
    }

    @Test
    void putAddsOrReplacesTheQueryOfTheSameNameAndScopeKeepingItsCreationTime() throws IOException {
        SavedQueryStore store = store();
        store.put(query("daily_report", null));
        store.put(query("daily_report", "p-1"));
        SavedQuery changed =
                new SavedQuery("daily_report", "changed", "SELECT 2", List.of(), null, Instant.now(), Instant.now());

        SavedQuery stored = store.put(changed);

        assertThat(stored.created()).isEqualTo(CREATED);
        assertThat(stored.updated()).isAfter(CREATED);
        List<SavedQuery> all = store.load().queries();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).sql()).isEqualTo("SELECT 2");
        assertThat(all.get(1).profileId()).isEqualTo("p-1");
    }

    @Test
    void renameAndDeleteTouchOnlyTheQueryOfTheirScope() throws IOException {
        SavedQueryStore store = store();
        store.put(query("daily_report", null));
        store.put(query("daily_report", "p-1"));

        store.rename("daily_report", "p-1", "prod_report");
        assertThat(store.load().queries())
                .extracting(SavedQuery::name, SavedQuery::profileId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("daily_report", null),
                        org.assertj.core.groups.Tuple.tuple("prod_report", "p-1"));

        assertThat(store.delete("daily_report", "p-1")).isFalse();
        assertThat(store.delete("daily_report", null)).isTrue();
        assertThat(store.load().queries()).extracting(SavedQuery::name).containsExactly("prod_report");
    }

    @Test
    void renamingOntoATakenNameOrAMissingQueryIsRefusedWithTheReason() throws IOException {
        SavedQueryStore store = store();
        store.put(query("a", null));
        store.put(query("b", null));

        assertThatThrownBy(() -> store.rename("a", null, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already called 'b'");
        assertThatThrownBy(() -> store.rename("zzz", null, "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no saved query 'zzz'");
        assertThatThrownBy(() -> store.rename("a", null, "not ok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not ok' is not allowed");
    }

    @Test
    void findPrefersTheQueryOfTheProfileThenTheGlobalOne() throws IOException {
        SavedQueryStore store = store();
        store.put(query("report", null));
        store.put(query("report", "p-1"));
        store.put(query("only_p2", "p-2"));
        SavedQueryStore.LoadResult loaded = store.load();

        assertThat(loaded.find("report", "p-1"))
                .hasValueSatisfying(q -> assertThat(q.profileId()).isEqualTo("p-1"));
        assertThat(loaded.find("report", "p-9"))
                .hasValueSatisfying(q -> assertThat(q.isGlobal()).isTrue());
        assertThat(loaded.find("report", null))
                .hasValueSatisfying(q -> assertThat(q.isGlobal()).isTrue());
        assertThat(loaded.find("only_p2", "p-1")).isEmpty();
        assertThat(loaded.named("report")).hasSize(2);
    }
}
