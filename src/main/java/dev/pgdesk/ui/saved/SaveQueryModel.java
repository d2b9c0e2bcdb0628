package dev.pgdesk.ui.saved;

import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Save as Saved Query" dialog's state: name (checked as it is typed), description, scope (the
 * editor's connection or all connections), the SQL and one row per parameter the SQL uses, with its default.
 * Saving writes the store off the FX thread; saving over another query of the same name and scope asks
 * first. Use on the FX thread.
 */
public final class SaveQueryModel {
    private final SavedQueryStore store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String profileId;
    private final String profileName;
    private final SavedQuery original;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty global = new SimpleBooleanProperty(this, "global");
    private final StringProperty sql = new SimpleStringProperty(this, "sql", "");
    private final ObservableList<ParameterDraft> parameters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper sqlProblem = new ReadOnlyStringWrapper(this, "sqlProblem", "");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<SavedQuery> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final BooleanBinding replacesOriginal;
    private final BooleanBinding canSave;

    /** Values and types for parameters, by label, used when a parameter (re)appears in the SQL. */
    private final Map<String, String> knownValues = new HashMap<>();

    private final Map<String, String> knownTypes = new HashMap<>();

    /**
     * @param profileId the connection "This connection" means; null when there is none (only global is offered)
     * @param profileName that connection's name, for the scope's label
     * @param original the saved query being edited or that the editor came from; null for a new one
     * @param values starting default values by label ({@code :day}, {@code $1})
     * @param types starting type hints by label
     */
    public SaveQueryModel(
            SavedQueryStore store,
            TaskRunner tasks,
            DialogService dialogs,
            String profileId,
            String profileName,
            SavedQuery original,
            String sqlText,
            Map<String, String> values,
            Map<String, String> types) {
        this.store = Objects.requireNonNull(store, "The dialog needs the saved query store");
        this.tasks = Objects.requireNonNull(tasks, "The dialog needs a task runner");
        this.dialogs = Objects.requireNonNull(dialogs, "The dialog needs the dialog service");
        this.profileId = profileId;
        this.profileName = profileName;
        this.original = original;
        knownValues.putAll(values);
        knownTypes.putAll(types);
        name.addListener((obs, old, now) -> checkName());
        sql.addListener((obs, old, now) -> scanParameters());
        if (original != null) {
            name.set(original.name());
            description.set(original.description());
            global.set(original.isGlobal() || profileId == null);
        } else {
            global.set(profileId == null);
        }
        sql.set(sqlText == null ? "" : sqlText);
        checkName();
        scanParameters();
        replacesOriginal = Bindings.createBooleanBinding(
                () -> original != null && original.name().equals(name.get()) && original.sameScope(scopeProfileId()),
                name,
                global);
        canSave = Bindings.createBooleanBinding(
                () -> nameProblem.get().isEmpty()
                        && sqlProblem.get().isEmpty()
                        && !sql.get().isBlank()
                        && !saving.get(),
                nameProblem,
                sqlProblem,
                sql,
                saving);
    }

    /** The dialog for an editor's text, prefilled from the saved query the editor came from, if any. */
    public static SaveQueryModel forEditor(
            SavedQueryStore store,
            TaskRunner tasks,
            DialogService dialogs,
            String profileId,
            String profileName,
            SavedQuery origin,
            String sql,
            Map<String, String> panelValues,
            Map<String, String> panelTypes) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        if (origin != null) {
            for (SavedParameter parameter : origin.parameters()) {
                parameter.defaultValueIfAny().ifPresent(value -> values.put(parameter.label(), value));
                if (parameter.typeHint() != null) {
                    types.put(parameter.label(), parameter.typeHint());
                }
            }
        }
        values.putAll(panelValues);
        types.putAll(panelTypes);
        return new SaveQueryModel(store, tasks, dialogs, profileId, profileName, origin, sql, values, types);
    }

    /** The dialog that edits {@code query} as stored: its SQL, name, scope and defaults. */
    public static SaveQueryModel forEdit(
            SavedQueryStore store,
            TaskRunner tasks,
            DialogService dialogs,
            String profileId,
            String profileName,
            SavedQuery query) {
        return forEditor(store, tasks, dialogs, profileId, profileName, query, query.sql(), Map.of(), Map.of());
    }

    // Commands

    /**
     * Saves off the FX thread. A query of the same name and scope (other than the one being edited) is
     * replaced only after the user agrees; success sets {@link #savedProperty()}, failure
     * {@link #saveErrorProperty()}.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        SavedQuery query;
        try {
            query = SavedQuery.create(name.get(), description.get(), sql.get(), savedParameters(), scopeProfileId());
        } catch (IllegalArgumentException e) {
            saveError.set(e.getMessage());
            return;
        }
        boolean replacingOriginal = replacesOriginal.get();
        saving.set(true);
        saveError.set("");
        tasks.run(
                cancel -> replacingOriginal
                        ? Optional.<SavedQuery>empty()
                        : store.load().queries().stream()
                                .filter(q -> q.name().equals(query.name()) && q.sameScope(query.profileId()))
                                .findFirst(),
                conflict -> {
                    if (conflict.isPresent()
                            && !dialogs.confirm(
                                    "Replace “" + query.name() + "”?",
                                    "A saved query called “" + query.name() + "” already exists for "
                                            + scopeText() + ". Saving replaces its SQL, description and"
                                            + " parameters.",
                                    "Replace")) {
                        saving.set(false);
                        return;
                    }
                    write(query);
                },
                this::failed);
    }

    private void write(SavedQuery query) {
        tasks.run(
                cancel -> original == null ? store.put(query) : store.replace(original, query),
                stored -> {
                    saving.set(false);
                    saved.set(stored);
                },
                this::failed);
    }

    private void failed(Throwable error) {
        saving.set(false);
        String message = error.getMessage();
        saveError.set("Could not save the query: "
                + (message == null || message.isBlank() ? error.getClass().getSimpleName() : message));
    }

    // Internals

    /** The profile id of the chosen scope: the connection's, or null for all connections. */
    String scopeProfileId() {
        return global.get() ? null : profileId;
    }

    private String scopeText() {
        return global.get() ? "all connections" : "the connection " + profileName;
    }

    private List<SavedParameter> savedParameters() {
        List<SavedParameter> list = new ArrayList<>();
        parameters.forEach(draft -> list.add(draft.toSaved()));
        return list;
    }

    private void checkName() {
        try {
            SavedQuery.checkName(name.get());
            nameProblem.set("");
        } catch (IllegalArgumentException e) {
            nameProblem.set(e.getMessage());
        }
    }

    /** One row per parameter the SQL uses, keeping what was typed for the ones it still uses. */
    private void scanParameters() {
        for (ParameterDraft draft : parameters) {
            knownValues.put(draft.label(), draft.defaultValueProperty().get());
            knownTypes.put(draft.label(), draft.typeProperty().get());
        }
        List<Parameter> found;
        try {
            found = ScriptPlan.ofScript(sql.get()).parameters();
            sqlProblem.set(sql.get().isBlank() ? "Write the SQL to save." : "");
        } catch (IllegalArgumentException e) {
            sqlProblem.set(e.getMessage());
            return;
        }
        List<ParameterDraft> drafts = new ArrayList<>();
        for (Parameter parameter : found) {
            String label = parameter.label();
            drafts.add(new ParameterDraft(label, knownValues.get(label), knownTypes.get(label)));
        }
        parameters.setAll(drafts);
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** True for "All connections", false for the editor's connection. */
    public BooleanProperty globalProperty() {
        return global;
    }

    public StringProperty sqlProperty() {
        return sql;
    }

    /** The parameters the SQL uses, in the editor's order. */
    public ObservableList<ParameterDraft> parameters() {
        return parameters;
    }

    /** Why the name cannot be saved, in words; empty when it can. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** Why the SQL cannot be saved (no SQL, mixed parameter styles, ...); empty when it can. */
    public ReadOnlyStringProperty sqlProblemProperty() {
        return sqlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Set once the query is stored; the dialog closes then. */
    public ReadOnlyObjectProperty<SavedQuery> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Whether saving replaces the query being edited (same name and scope), which needs no question. */
    public BooleanBinding replacesOriginal() {
        return replacesOriginal;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    /** Whether "This connection" can be chosen. */
    public boolean hasConnection() {
        return profileId != null;
    }

    /** The label of the "This connection" choice. */
    public String connectionLabel() {
        return "This connection (" + (profileName == null ? "none" : profileName) + ")";
    }

    public boolean isEditing() {
        return original != null;
    }
}
