package dev.pgdesk.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedQueryReplaceTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private SavedQueryStore store() {
        return new SavedQueryStore(dir.resolve("saved-queries.json"));
    }

    private static SavedQuery query(String name, String sql, String profileId) {
        return new SavedQuery(name, "", sql, List.of(), profileId, CREATED, CREATED);
    }

    @Test
    void anEditThatRenamesAndChangesTheScopeLeavesOnlyTheNewQueryAndKeepsItsCreationTime() throws IOException {
        SavedQuery before = query("daily", "SELECT 1", "p-1");
        store().save(List.of(before, query("other", "SELECT 2", null)));

        SavedQuery edited = SavedQuery.create("daily_report", "renamed", "SELECT 3", List.of(), null);
        SavedQuery stored = store().replace(before, edited);

        assertThat(stored.created()).isEqualTo(CREATED);
        assertThat(stored.updated()).isAfter(CREATED);
        assertThat(store().load().queries())
                .extracting(SavedQuery::name, SavedQuery::sql, SavedQuery::profileId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("daily_report", "SELECT 3", null),
                        org.assertj.core.groups.Tuple.tuple("other", "SELECT 2", null));
    }

    @Test
    void anEditOntoTheNameOfAnotherQueryOfTheScopeReplacesThatOne() throws IOException {
        SavedQuery before = query("a", "SELECT 1", null);
        store().save(List.of(before, query("b", "SELECT 2", null), query("b", "SELECT 4", "p-1")));

        store().replace(before, SavedQuery.create("b", "", "SELECT 3", List.of(), null));

        assertThat(store().load().queries())
                .extracting(SavedQuery::name, SavedQuery::sql)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("b", "SELECT 3"),
                        org.assertj.core.groups.Tuple.tuple("b", "SELECT 4"));
    }

    @Test
    void replacingAQueryDeletedMeanwhileAddsTheNewOne() throws IOException {
        SavedQuery gone = query("gone", "SELECT 1", null);

        SavedQuery stored = store().replace(gone, SavedQuery.create("back", "", "SELECT 2", List.of(), null));

        assertThat(store().load().queries()).containsExactly(stored);
    }
}
