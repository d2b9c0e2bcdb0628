package dev.pgdesk.ui.saved;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.task.SynchronousTaskRunner;
import dev.pgdesk.ui.RecordingDialogService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedQueriesModelTest {
    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private SavedQueryStore store() {
        return new SavedQueryStore(dir.resolve("saved-queries.json"));
    }

    private SavedQueriesModel model() {
        return new SavedQueriesModel(
                store(),
                new SynchronousTaskRunner(),
                dialogs,
                id -> Optional.ofNullable(Map.of("p-1", "Sales DB").get(id)));
    }

    private void saved() throws IOException {
        store().save(List.of(
                SavedQuery.create("daily_report", "Sales of one day", "SELECT :day", List.of(), "p-1"),
                SavedQuery.create("locks", "Who blocks whom", "SELECT * FROM pg_locks", List.of(), null)));
    }

    @Test
    void theFilterMatchesEveryWordInNameDescriptionSqlOrConnection() throws IOException {
        saved();
        SavedQueriesModel model = model();
        model.reload();
        assertThat(model.queries()).hasSize(2);

        model.filterProperty().set("sales DB");
        assertThat(model.queries()).extracting(SavedQuery::name).containsExactly("daily_report");

        model.filterProperty().set("pg_locks all connections");
        assertThat(model.queries()).extracting(SavedQuery::name).containsExactly("locks");

        model.filterProperty().set("");
        assertThat(model.queries()).hasSize(2);
    }

    @Test
    void deletingAsksAndRemovesTheQueryFromTheFileAndTheList() throws IOException {
        saved();
        SavedQueriesModel model = model();
        model.reload();
        SavedQuery locks = model.queries().get(1);

        dialogs.confirmAnswer = false;
        model.delete(locks);
        assertThat(store().load().queries()).hasSize(2);

        dialogs.confirmAnswer = true;
        model.delete(locks);
        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("daily_report");
        assertThat(model.queries()).extracting(SavedQuery::name).containsExactly("daily_report");
        assertThat(model.statusProperty().get()).isEqualTo("Deleted locks.");
    }

    @Test
    void aCorruptFileIsReportedInWords() throws IOException {
        Files.writeString(dir.resolve("saved-queries.json"), "{ this is not json");
        SavedQueriesModel model = model();

        model.reload();

        assertThat(model.queries()).isEmpty();
        assertThat(model.problemProperty().get()).contains("saved-queries.json").doesNotContain("Exception");
    }

    @Test
    void theScopeIsTheProfilesNameOrAllConnections() throws IOException {
        saved();
        SavedQueriesModel model = model();
        model.reload();

        assertThat(model.queries()).extracting(model::scope).containsExactly("Sales DB", "All connections");
    }
}
