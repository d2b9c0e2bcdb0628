package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * What the saved queries tab shows: every saved query, read off the FX thread, narrowed by the filter
 * words, and the problem reading the file in words. Deleting asks first. Use on the FX thread.
 */
public final class SavedQueriesModel {
    private final SavedQueryStore store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Function<String, Optional<String>> profileNames;

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<SavedQuery> all = FXCollections.observableArrayList();
    private final FilteredList<SavedQuery> shown = new FilteredList<>(all);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** Counts loads, so that only the latest one's result is shown. */
    private long loads;

    /** @param profileNames the name of a saved profile by id, empty when it no longer exists */
    public SavedQueriesModel(
            SavedQueryStore store,
            TaskRunner tasks,
            DialogService dialogs,
            Function<String, Optional<String>> profileNames) {
        this.store = Objects.requireNonNull(store, "The saved queries list needs the store");
        this.tasks = Objects.requireNonNull(tasks, "The saved queries list needs a task runner");
        this.dialogs = Objects.requireNonNull(dialogs, "The saved queries list needs the dialog service");
        this.profileNames = Objects.requireNonNull(profileNames, "The saved queries list needs the profile names");
        filter.addListener((obs, old, now) -> shown.setPredicate(matching(now)));
    }

    // Commands

    /** Reads the file again (after any change made through pgdesk). */
    public void reload() {
        long load = ++loads;
        tasks.run(
                cancel -> store.load(),
                result -> {
                    if (load == loads) {
                        all.setAll(result.queries());
                        problem.set(result.problem().orElse(""));
                    }
                },
                error -> {
                    if (load == loads) {
                        problem.set(
                                "The saved queries could not be read from " + store.file() + ": " + describe(error));
                    }
                });
    }

    /** Deletes {@code query} after the user agreed, then reloads. */
    public void delete(SavedQuery query) {
        if (!dialogs.confirm(
                "Delete “" + query.name() + "”?",
                "The saved query “" + query.name() + "” (" + scope(query) + ") will be removed; 'pgdesk run "
                        + query.name() + "' will no longer find it.",
                "Delete")) {
            return;
        }
        tasks.run(
                cancel -> store.delete(query.name(), query.profileId()),
                deleted -> {
                    status.set(deleted ? "Deleted " + query.name() + "." : query.name() + " was already gone.");
                    reload();
                },
                error -> dialogs.showError("Could not delete " + query.name(), describe(error)));
    }

    // Text for the view

    /** The query's connection: a profile's name or "All connections". */
    public String scope(SavedQuery query) {
        return SavedQueryFormat.scope(query, profileNames);
    }

    // Properties

    /** Words that must all occur in a query's name, description, SQL or connection. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The queries matching the filter, by name then scope. */
    public ObservableList<SavedQuery> queries() {
        return shown;
    }

    /** What went wrong reading the file, for the user; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last action did, in a few words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private Predicate<SavedQuery> matching(String text) {
        String[] words = text == null
                ? new String[0]
                : text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return query -> true;
        }
        return query -> {
            String haystack = String.join("\n", query.name(), query.description(), query.sql(), scope(query))
                    .toLowerCase(Locale.ROOT);
            return Arrays.stream(words).allMatch(haystack::contains);
        };
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
