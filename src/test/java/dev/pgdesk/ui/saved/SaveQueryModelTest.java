package dev.pgdesk.ui.saved;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.task.SynchronousTaskRunner;
import dev.pgdesk.ui.RecordingDialogService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveQueryModelTest {
    private static final String SQL = "SELECT * FROM sales WHERE day = :day AND region = :region";

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private SavedQueryStore store() {
        return new SavedQueryStore(dir.resolve("saved-queries.json"));
    }

    private SaveQueryModel forEditor(String sql, Map<String, String> values, SavedQuery origin) {
        return SaveQueryModel.forEditor(
                store(),
                new SynchronousTaskRunner(),
                dialogs,
                "p-1",
                "Sales DB",
                origin,
                sql,
                values,
                Map.of(":day", "date"));
    }

    @Test
    void aNameThatIsNotAllowedShowsWhyAndSaveStaysDisabled() {
        SaveQueryModel model = forEditor(SQL, Map.of(), null);
        assertThat(model.nameProblemProperty().get()).startsWith("A saved query needs a name");
        assertThat(model.canSave().get()).isFalse();

        model.nameProperty().set("daily report");

        assertThat(model.nameProblemProperty().get())
                .isEqualTo("The name 'daily report' is not allowed for a saved query: use only letters A-Z and"
                        + " a-z, digits, _ and - (at most 100), such as daily_report");
        assertThat(model.canSave().get()).isFalse();

        model.nameProperty().set("daily_report");

        assertThat(model.nameProblemProperty().get()).isEmpty();
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void theParametersOfTheSqlAreListedWithThePanelsValuesAsDefaults() {
        SaveQueryModel model = forEditor(SQL, Map.of(":day", "2026-11-21"), null);

        assertThat(model.parameters())
                .extracting(
                        ParameterDraft::label,
                        draft -> draft.defaultValueProperty().get(),
                        draft -> draft.typeProperty().get())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(":day", "2026-11-21", "date"),
                        org.assertj.core.groups.Tuple.tuple(":region", "", ""));
    }

    @Test
    void savingWritesTheQueryForTheConnectionWithItsDefaultsAndRequiredParameters() throws IOException {
        SaveQueryModel model = forEditor(SQL, Map.of(":day", "2026-11-21"), null);
        model.nameProperty().set("daily_report");
        model.descriptionProperty().set("Sales of one day");

        model.save();

        SavedQuery stored = store().load().find("daily_report", "p-1").orElseThrow();
        assertThat(model.savedProperty().get()).isEqualTo(stored);
        assertThat(stored.profileId()).isEqualTo("p-1");
        assertThat(stored.description()).isEqualTo("Sales of one day");
        assertThat(stored.sql()).isEqualTo(SQL);
        assertThat(stored.parameters())
                .containsExactly(new SavedParameter("day", "2026-11-21", "date"), SavedParameter.required("region"));
    }

    @Test
    void changingTheSqlListsItsNewParametersAndKeepsWhatWasTypedForTheOthers() {
        SaveQueryModel model = forEditor(SQL, Map.of(), null);
        model.parameters().get(1).defaultValueProperty().set("north");

        model.sqlProperty().set("SELECT * FROM sales WHERE region = :region AND amount > :least");

        assertThat(model.parameters())
                .extracting(
                        ParameterDraft::label,
                        draft -> draft.defaultValueProperty().get())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(":region", "north"),
                        org.assertj.core.groups.Tuple.tuple(":least", ""));
    }

    @Test
    void sqlMixingParameterStylesCannotBeSavedAndSaysWhy() {
        SaveQueryModel model = forEditor("SELECT $1, :day", Map.of(), null);
        model.nameProperty().set("mixed");

        assertThat(model.sqlProblemProperty().get()).isNotEmpty();
        assertThat(model.canSave().get()).isFalse();
    }

    @Test
    void savingOverAnotherQueryOfTheSameNameAndScopeAsksAndKeepsItWhenTheUserSaysNo() throws IOException {
        store().put(SavedQuery.create("daily_report", "old", "SELECT 1", List.of(), "p-1"));
        SaveQueryModel model = forEditor(SQL, Map.of(), null);
        model.nameProperty().set("daily_report");
        dialogs.confirmAnswer = false;

        model.save();

        assertThat(store().load().queries())
                .singleElement()
                .satisfies(q -> assertThat(q.description()).isEqualTo("old"));
        assertThat(model.savedProperty().get()).isNull();
        assertThat(model.savingProperty().get()).isFalse();

        dialogs.confirmAnswer = true;
        model.save();

        assertThat(store().load().queries())
                .singleElement()
                .satisfies(q -> assertThat(q.sql()).isEqualTo(SQL));
    }

    @Test
    void aGlobalQueryOfTheSameNameIsNoConflictForAQueryOfTheConnection() throws IOException {
        store().put(SavedQuery.create("daily_report", "global", "SELECT 1", List.of(), null));
        SaveQueryModel model = forEditor(SQL, Map.of(), null);
        model.nameProperty().set("daily_report");
        dialogs.confirmAnswer = false;

        model.save();

        assertThat(store().load().named("daily_report")).hasSize(2);
    }

    @Test
    void anEditorFromASavedQueryPrefillsItAndReplacesItWithoutAnotherQuestion() throws IOException {
        SavedQuery origin = store().put(SavedQuery.create(
                "daily_report",
                "Sales of one day",
                SQL,
                List.of(SavedParameter.withDefault("day", "2026-11-20"), SavedParameter.required("region")),
                null));
        SaveQueryModel model = forEditor(SQL, Map.of(":region", "south"), origin);
        dialogs.confirmAnswer = false;

        assertThat(model.nameProperty().get()).isEqualTo("daily_report");
        assertThat(model.descriptionProperty().get()).isEqualTo("Sales of one day");
        assertThat(model.globalProperty().get()).isTrue();
        assertThat(model.replacesOriginal().get()).isTrue();
        model.save();

        SavedQuery stored = store().load().queries().get(0);
        assertThat(store().load().queries()).hasSize(1);
        assertThat(stored.created()).isEqualTo(origin.created());
        assertThat(stored.parameters())
                .containsExactly(
                        new SavedParameter("day", "2026-11-20", "date"), SavedParameter.withDefault("region", "south"));
    }

    @Test
    void editingUnderANewNameRenamesTheQuery() throws IOException {
        SavedQuery query = store().put(SavedQuery.create("daily", "", SQL, List.of(), "p-1"));
        SaveQueryModel model =
                SaveQueryModel.forEdit(store(), new SynchronousTaskRunner(), dialogs, "p-1", "Sales DB", query);

        model.nameProperty().set("daily_report");
        assertThat(model.replacesOriginal().get()).isFalse();
        model.save();

        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("daily_report");
    }

    @Test
    void withoutAConnectionOnlyAllConnectionsCanBeChosen() {
        SaveQueryModel model = new SaveQueryModel(
                store(), new SynchronousTaskRunner(), dialogs, null, null, null, SQL, Map.of(), Map.of());

        assertThat(model.hasConnection()).isFalse();
        assertThat(model.globalProperty().get()).isTrue();
    }
}
