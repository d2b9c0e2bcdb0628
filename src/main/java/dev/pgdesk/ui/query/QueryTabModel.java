package dev.pgdesk.ui.query;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryParameter;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.history.RememberedValue;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptListener;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ScriptRunner;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.workspace.EditorTabState;
import dev.pgdesk.workspace.SqlFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQL editor tab: its text (saved continuously), the file it came from, its connection's query session,
 * what the last run produced (a result per statement and the Messages), the parameter panel, and the
 * transaction controls. Statements run off the FX thread; results arrive statement by statement.
 */
public final class QueryTabModel {
    private static final Logger LOG = LoggerFactory.getLogger(QueryTabModel.class);
    static final String COMMIT = "Commit";
    static final String ROLL_BACK = "Roll Back";
    static final String SAVE = "Save";
    static final String DISCARD = "Don't Save";

    private final QueryServices services;
    private final String id;
    private final String profileId;
    private final String profileName;

    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty modified = new SimpleBooleanProperty();
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(30);
    private final BooleanProperty manualCommit = new SimpleBooleanProperty();
    private int caret;
    private int order;

    private final ObjectProperty<QuerySession> session = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TransactionState> transactionState =
            new ReadOnlyObjectWrapper<>(TransactionState.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<StatementOutcome> results = FXCollections.observableArrayList();
    private final ObservableList<MessageLine> messages = FXCollections.observableArrayList();
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper parametersShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorMark> errorMark = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> runStartedNanos = new ReadOnlyObjectWrapper<>();
    /** Bumped after every run, so views can pick which result tab to show. */
    private final ReadOnlyObjectWrapper<ScriptRun> lastRun = new ReadOnlyObjectWrapper<>();

    private ScriptPlan pendingPlan;
    /** What the user ran while not connected; it runs once the connection is there. */
    private ScriptPlan waitingForConnection;

    private CancellationToken runToken;
    private Runnable connectRequest = () -> {};

    public QueryTabModel(QueryServices services, EditorTabState state, String profileName) {
        this.services = services;
        this.id = state.id();
        this.profileId = state.profileId();
        this.profileName = profileName;
        this.order = state.order();
        title.set(state.title());
        text.set(state.text());
        file.set(state.file());
        modified.set(state.modified());
        timeoutSeconds.set(state.timeoutSeconds());
        caret = state.caret();
        text.addListener((obs, old, now) -> {
            modified.set(true);
            errorMark.set(null);
            autosave();
        });
        timeoutSeconds.addListener((obs, old, now) -> autosave());
        session.addListener((obs, old, now) -> {
            transactionState.set(now == null ? TransactionState.IDLE : now.transactionState());
            ScriptPlan waiting = waitingForConnection;
            waitingForConnection = null;
            if (now != null && waiting != null) {
                run(waiting);
            }
        });
        manualCommit.addListener((obs, old, now) -> applyManualCommit(now));
    }

    // Commands: running

    /** Runs the selection when there is one, else the statement under the caret. */
    public void runStatement(int caretOffset, int selectionStart, int selectionEnd) {
        String script = text.get();
        try {
            if (selectionEnd > selectionStart) {
                run(ScriptPlan.ofRange(script, selectionStart, selectionEnd));
            } else {
                Optional<ScriptPlan> plan = ScriptPlan.atCaret(script, Math.min(caretOffset, script.length()));
                if (plan.isEmpty()) {
                    status.set("Nothing to run: the editor holds no statement.");
                    return;
                }
                run(plan.get());
            }
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /** Runs every statement of the editor, one after the other, stopping at the first error. */
    public void runScript() {
        try {
            ScriptPlan plan = ScriptPlan.ofScript(text.get());
            if (plan.isEmpty()) {
                status.set("Nothing to run: the editor holds no statement.");
                return;
            }
            run(plan);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /** Runs the statements waiting for parameter values, with the values now in the panel. */
    public void runWithParameters() {
        if (pendingPlan != null) {
            execute(pendingPlan);
        }
    }

    /** Cancels the running statement on the server; the rest of the script is not run. */
    public void cancel() {
        if (runToken != null && running.get()) {
            status.set("Cancelling…");
            runToken.cancel();
        }
    }

    private void run(ScriptPlan plan) {
        if (running.get()) {
            status.set("A statement is still running: wait for it or cancel it (Esc).");
            return;
        }
        QuerySession current = session.get();
        if (current == null) {
            status.set("Connecting to " + profileName + "; the statements run once connected…");
            waitingForConnection = plan;
            connectRequest.run();
            return;
        }
        if (!plan.hasParameters()) {
            parametersShown.set(false);
            execute(plan);
            return;
        }
        status.set("Asking the server for the parameters' types…");
        services.tasks()
                .run(
                        token -> new Described(ScriptRunner.parameterTypes(current, plan), recall(plan)),
                        described -> prepareParameters(plan, described.types(), described.remembered()),
                        error -> refuse("The parameters' types could not be read: " + error.getMessage()));
    }

    /** The server's types for a plan's parameters and the values they had last time. */
    private record Described(Map<Parameter, String> types, Map<String, RememberedValue> remembered) {}

    private void prepareParameters(
            ScriptPlan plan, Map<Parameter, String> types, Map<String, RememberedValue> remembered) {
        Map<String, ParameterRow> previous =
                parameters.stream().collect(Collectors.toMap(ParameterRow::label, row -> row, (a, b) -> a));
        List<ParameterRow> rows = new ArrayList<>();
        for (Parameter parameter : plan.parameters()) {
            ParameterRow row = new ParameterRow(parameter, types.get(parameter));
            ParameterRow old = previous.get(parameter.label());
            RememberedValue memory = remembered.get(parameter.label());
            if (old != null && old.givenProperty().get()) {
                row.recall(old.valueProperty().get(), old.nullProperty().get(), old.typeOverride());
            } else if (memory != null) {
                row.recall(memory.value(), memory.isNull(), memory.typeOverride());
            }
            rows.add(row);
        }
        parameters.setAll(rows);
        parametersShown.set(true);
        pendingPlan = plan;
        if (rows.stream().allMatch(row -> row.givenProperty().get())) {
            execute(plan);
        } else {
            status.set("Enter the parameters' values, then press Run with Values (Ctrl+Enter).");
        }
    }

    private void execute(ScriptPlan plan) {
        QuerySession current = session.get();
        if (current == null || running.get()) {
            return;
        }
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ParameterRow row : parameters) {
            if (plan.parameters().contains(row.parameter())) {
                try {
                    values.put(row.parameter(), row.toValue());
                } catch (ParameterValueException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            status.set(String.join(" ", problems));
            return;
        }
        if (plan.hasParameters()) {
            rememberValues(plan);
        }
        pendingPlan = plan.hasParameters() ? plan : null;
        results.clear();
        messages.clear();
        errorMark.set(null);
        runStartedNanos.set(System.nanoTime());
        running.set(true);
        status.set(
                plan.statements().size() == 1
                        ? "Running…"
                        : "Running " + plan.statements().size() + " statements…");
        Duration timeout = Duration.ofSeconds(timeoutSeconds.get());
        AtomicReference<ScriptRun> outcome = new AtomicReference<>();
        runToken = services.tasks()
                .run(
                        token -> {
                            ScriptRun run = ScriptRunner.run(current, plan, values, timeout, token, listener(values));
                            outcome.set(run);
                            return run;
                        },
                        run -> finished(plan, run, current),
                        error -> {
                            if (error instanceof CancelledException && outcome.get() != null) {
                                finished(plan, outcome.get(), current);
                            } else {
                                failed(error, current);
                            }
                        });
    }

    private ScriptListener listener(Map<Parameter, ParameterValue> values) {
        return new ScriptListener() {
            @Override
            public void finished(StatementOutcome outcome) {
                record(outcome, values);
                Platform.runLater(() -> show(outcome));
            }
        };
    }

    private void show(StatementOutcome outcome) {
        results.add(outcome);
        StatementResult result = outcome.result();
        result.notices()
                .forEach(notice -> message(MessageLine.Kind.NOTICE, notice.severity() + ":  " + notice.message()));
        String where = "Statement " + (outcome.index() + 1) + " (line "
                + lineOf(outcome.statement().start()) + ")";
        if (result instanceof RowsResult rows) {
            message(
                    MessageLine.Kind.INFO,
                    where + ": " + rowCount(rows.rows().size()) + (rows.truncated() ? " shown; more exist" : "")
                            + " in " + millis(rows.duration()));
        } else if (result instanceof UpdateResult update) {
            message(MessageLine.Kind.INFO, where + ": " + commandTag(update) + " in " + millis(update.duration()));
        } else if (result instanceof ServerError error) {
            message(MessageLine.Kind.ERROR, where + ": ERROR " + error.sqlState() + ": " + error.message());
            if (error.detail() != null && !error.detail().isBlank()) {
                message(MessageLine.Kind.ERROR, "DETAIL:  " + error.detail());
            }
            if (error.hint() != null && !error.hint().isBlank()) {
                message(MessageLine.Kind.ERROR, "HINT:  " + error.hint());
            }
            outcome.errorOffset().ifPresent(offset -> {
                errorMark.set(new ErrorMark(offset, tokenEnd(offset)));
                message(MessageLine.Kind.ERROR, "at line " + lineOf(offset) + ", marked in the editor");
            });
        }
    }

    private void finished(ScriptPlan plan, ScriptRun run, QuerySession current) {
        running.set(false);
        runStartedNanos.set(null);
        TransactionState state = current.transactionState();
        transactionState.set(state);
        if (run.notRun() > 0) {
            message(
                    MessageLine.Kind.INFO,
                    run.notRun() + (run.notRun() == 1 ? " statement was" : " statements were") + " not run after "
                            + (run.failed() ? "the error." : "the cancel."));
        }
        status.set(summary(run, state));
        lastRun.set(run);
    }

    private void failed(Throwable error, QuerySession current) {
        running.set(false);
        runStartedNanos.set(null);
        transactionState.set(current.transactionState());
        if (error instanceof CancelledException) {
            status.set("Cancelled before any statement ran.");
        } else {
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            message(MessageLine.Kind.ERROR, message);
            status.set(message);
            LOG.warn("A run failed outside the statements", error);
        }
    }

    private String summary(ScriptRun run, TransactionState state) {
        String outcome;
        if (run.failed()) {
            ServerError error =
                    (ServerError) run.outcomes().get(run.outcomes().size() - 1).result();
            outcome = ServerError.QUERY_CANCELED.equals(error.sqlState())
                    ? "Cancelled: " + error.message()
                    : "Failed: ERROR " + error.sqlState() + ": " + error.message();
        } else if (run.notRun() > 0) {
            outcome = "Cancelled after " + run.outcomes().size() + " statements.";
        } else {
            outcome = run.outcomes().size() == 1
                    ? describe(run.outcomes().get(0).result())
                    : run.outcomes().size() + " statements run.";
        }
        return switch (state) {
            case IDLE -> outcome;
            case IN_TRANSACTION -> outcome + " A transaction is open: commit or roll back.";
            case FAILED -> outcome + " The transaction failed: statements are ignored until you roll back.";
        };
    }

    // Commands: transactions

    public void commit() {
        endTransaction(true);
    }

    public void rollback() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        QuerySession current = session.get();
        if (current == null || running.get()) {
            return;
        }
        endTransaction(current, commit, () -> {});
    }

    private void endTransaction(QuerySession current, boolean commit, Runnable then) {
        running.set(true);
        services.tasks()
                .run(
                        token -> commit ? current.commit() : current.rollback(),
                        end -> {
                            running.set(false);
                            transactionState.set(current.transactionState());
                            String said = switch (end) {
                                case COMMITTED -> "Committed.";
                                case ROLLED_BACK ->
                                    commit
                                            ? "The transaction had failed, so it was rolled back; nothing was committed."
                                            : "Rolled back.";
                                case NOTHING_OPEN -> "No transaction was open.";
                            };
                            message(MessageLine.Kind.INFO, said);
                            status.set(said);
                            then.run();
                        },
                        error -> {
                            running.set(false);
                            transactionState.set(current.transactionState());
                            status.set((commit ? "Commit" : "Rollback") + " failed: " + error.getMessage());
                            message(MessageLine.Kind.ERROR, status.get());
                        });
    }

    private void applyManualCommit(boolean manual) {
        QuerySession current = session.get();
        if (current == null) {
            return;
        }
        if (!manual && current.transactionState() != TransactionState.IDLE) {
            status.set("A transaction is open: commit or roll back before switching back to auto-commit.");
            Platform.runLater(() -> manualCommit.set(true));
            return;
        }
        current.setManualCommit(manual);
        status.set(
                manual
                        ? "Manual commit: statements run in a transaction until you commit or roll back."
                        : "Auto-commit: each statement is committed when it succeeds.");
    }

    // Commands: closing

    /**
     * Asks what to do with an open transaction (commit, roll back, or keep the tab) and, for {@code
     * askAboutText}, with text that is in no file; runs {@code close} once that is settled. Nothing is
     * committed or thrown away without the user saying so.
     */
    public void requestClose(boolean askAboutText, Runnable close) {
        if (running.get()) {
            if (!services.dialogs()
                    .confirm(
                            "A statement is running",
                            "“" + title.get() + "” is running a statement. Cancel it and close?",
                            "Cancel and Close")) {
                return;
            }
            cancel();
        }
        QuerySession current = session.get();
        TransactionState state = current == null ? TransactionState.IDLE : current.transactionState();
        if (state != TransactionState.IDLE) {
            List<String> choices = state == TransactionState.FAILED ? List.of(ROLL_BACK) : List.of(COMMIT, ROLL_BACK);
            String why = state == TransactionState.FAILED
                    ? "has a failed transaction. It can only be rolled back."
                    : "has an open transaction. Commit it or roll it back before closing?";
            Optional<String> choice = services.dialogs()
                    .choose("Open transaction", "“" + title.get() + "” on " + profileName + " " + why, choices);
            if (choice.isEmpty()) {
                return;
            }
            endTransaction(current, choice.get().equals(COMMIT), () -> {
                if (current.transactionState() == TransactionState.IDLE) {
                    requestClose(askAboutText, close);
                }
            });
            return;
        }
        if (askAboutText && needsSaving()) {
            Optional<String> choice = services.dialogs()
                    .choose(
                            "Unsaved changes",
                            file.get() == null
                                    ? "“" + title.get() + "” has text that is not saved to a file. Save it?"
                                    : "Save the changes to " + file.get().getFileName() + "?",
                            List.of(SAVE, DISCARD));
            if (choice.isEmpty() || (choice.get().equals(SAVE) && !save(false))) {
                return;
            }
        }
        close.run();
    }

    private boolean needsSaving() {
        return file.get() == null ? !text.get().isBlank() : modified.get();
    }

    /** Forgets the autosaved copy: the tab is closed for good. */
    public void discard() {
        services.autosaver().discard(id);
    }

    // Commands: files

    /** Saves to the tab's file, asking for one when it has none (or for {@code saveAs}). */
    public boolean save(boolean saveAs) {
        Path target = file.get();
        if (target == null || saveAs) {
            Optional<Path> chosen = services.dialogs().chooseFileToSave("Save SQL", suggestedFileName());
            if (chosen.isEmpty()) {
                return false;
            }
            target = chosen.get();
        }
        try {
            SqlFiles.write(target, text.get());
        } catch (Exception e) {
            services.dialogs()
                    .showError(
                            "Could not save",
                            "Saving to " + target + " failed: " + e.getMessage()
                                    + "\nThe text is still in the editor; choose another place with Save As.");
            return false;
        }
        file.set(target);
        title.set(target.getFileName().toString());
        modified.set(false);
        status.set("Saved to " + target + ".");
        autosave();
        return true;
    }

    private String suggestedFileName() {
        String name = title.get().replaceAll("[^A-Za-z0-9._-]+", "_");
        return name.endsWith(".sql") ? name : name + ".sql";
    }

    /** Replaces the text with a file's (the view reloads its editor from {@link #textProperty()}). */
    public void loadFile(Path path, String content) {
        text.set(content);
        file.set(path);
        title.set(path.getFileName().toString());
        modified.set(false);
        autosave();
    }

    // History and remembered values

    private void record(StatementOutcome outcome, Map<Parameter, ParameterValue> values) {
        try {
            List<HistoryParameter> used = new ArrayList<>();
            for (Parameter parameter :
                    Parameters.scan(outcome.statement().text()).parameters()) {
                ParameterValue value = values.get(parameter);
                if (value != null) {
                    used.add(new HistoryParameter(
                            parameter.label(),
                            value.typeName(),
                            value.isNull() ? null : String.valueOf(value.value())));
                }
            }
            StatementResult result = outcome.result();
            Outcome kind = result instanceof ServerError error
                    ? (ServerError.QUERY_CANCELED.equals(error.sqlState()) ? Outcome.CANCELLED : Outcome.ERROR)
                    : Outcome.SUCCESS;
            Long rows = result instanceof RowsResult r
                    ? Long.valueOf(r.rows().size())
                    : result instanceof UpdateResult u ? Long.valueOf(u.rowsAffected()) : null;
            services.history()
                    .append(new HistoryEntry(
                            Instant.now().truncatedTo(ChronoUnit.MILLIS),
                            profileId,
                            profileName,
                            outcome.statement().text(),
                            used,
                            result.duration().toMillis(),
                            rows,
                            kind,
                            describe(result)));
        } catch (Exception e) {
            LOG.warn("Could not record a statement in the history", e);
        }
    }

    /**
     * Remembers the values per statement, so a statement recalls them in any script it is part of later.
     */
    private void rememberValues(ScriptPlan plan) {
        Map<String, RememberedValue> byLabel = new LinkedHashMap<>();
        for (ParameterRow row : parameters) {
            byLabel.put(
                    row.label(),
                    new RememberedValue(
                            row.valueProperty().get(), row.nullProperty().get(), row.typeOverride()));
        }
        Map<String, Map<String, RememberedValue>> byStatement = new LinkedHashMap<>();
        for (ScriptStatement statement : plan.statements()) {
            Map<String, RememberedValue> values = new LinkedHashMap<>();
            for (Parameter parameter : Parameters.scan(statement.text()).parameters()) {
                RememberedValue value = byLabel.get(parameter.label());
                if (value != null) {
                    values.put(parameter.label(), value);
                }
            }
            if (!values.isEmpty()) {
                byStatement.put(statement.text(), values);
            }
        }
        services.tasks()
                .run(
                        token -> {
                            for (Map.Entry<String, Map<String, RememberedValue>> entry : byStatement.entrySet()) {
                                services.parameterMemory().remember(entry.getKey(), entry.getValue());
                            }
                            return byStatement.size();
                        },
                        ignored -> {},
                        error -> LOG.warn("Could not remember parameter values", error));
    }

    /** The values the plan's statements last ran with; the first statement that knows a label wins. */
    private Map<String, RememberedValue> recall(ScriptPlan plan) {
        Map<String, RememberedValue> values = new LinkedHashMap<>();
        for (ScriptStatement statement : plan.statements()) {
            services.parameterMemory()
                    .recall(statement.text())
                    .ifPresent(remembered -> remembered.forEach(values::putIfAbsent));
        }
        return values;
    }

    private void autosave() {
        services.autosaver().schedule(state());
    }

    /** The tab as the workspace stores it. */
    public EditorTabState state() {
        return new EditorTabState(
                id,
                profileId,
                title.get(),
                file.get(),
                text.get(),
                modified.get(),
                timeoutSeconds.get(),
                Math.min(caret, text.get().length()),
                order);
    }

    // Formatting

    static String describe(StatementResult result) {
        if (result instanceof RowsResult rows) {
            return rowCount(rows.rows().size()) + (rows.truncated() ? " (more exist)" : "");
        }
        if (result instanceof UpdateResult update) {
            return commandTag(update);
        }
        ServerError error = (ServerError) result;
        return "ERROR " + error.sqlState() + ": " + error.message();
    }

    private static String commandTag(UpdateResult update) {
        boolean counts = update.rowsAffected() > 0
                || List.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY").contains(update.command());
        return counts ? update.command() + " " + update.rowsAffected() : update.command();
    }

    private static String rowCount(int rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }

    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.2f s", ms / 1000.0);
    }

    private int lineOf(int offset) {
        String script = text.get();
        int line = 1;
        for (int i = 0; i < Math.min(offset, script.length()); i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The end of the word at {@code offset}, so the mark covers the name the server complained about. */
    private int tokenEnd(int offset) {
        String script = text.get();
        int end = offset;
        while (end < script.length() && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
            end++;
        }
        return Math.max(end, Math.min(offset + 1, script.length()));
    }

    private void message(MessageLine.Kind kind, String line) {
        messages.add(new MessageLine(LocalTime.now().truncatedTo(ChronoUnit.SECONDS), kind, line));
    }

    private void refuse(String why) {
        message(MessageLine.Kind.ERROR, why);
        status.set(why);
    }

    // Properties

    public String id() {
        return id;
    }

    public String profileId() {
        return profileId;
    }

    public String profileName() {
        return profileName;
    }

    public void setCaret(int caret) {
        this.caret = caret;
    }

    public int caret() {
        return caret;
    }

    public void setOrder(int order) {
        this.order = order;
        autosave();
    }

    public void setConnectRequest(Runnable connectRequest) {
        this.connectRequest = connectRequest;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty modifiedProperty() {
        return modified;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public BooleanProperty manualCommitProperty() {
        return manualCommit;
    }

    public ObjectProperty<QuerySession> sessionProperty() {
        return session;
    }

    public ReadOnlyObjectProperty<TransactionState> transactionStateProperty() {
        return transactionState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<StatementOutcome> results() {
        return results;
    }

    public ObservableList<MessageLine> messages() {
        return messages;
    }

    public ObservableList<ParameterRow> parameters() {
        return parameters;
    }

    public ReadOnlyBooleanProperty parametersShownProperty() {
        return parametersShown.getReadOnlyProperty();
    }

    public void hideParameters() {
        parametersShown.set(false);
    }

    public ReadOnlyObjectProperty<ErrorMark> errorMarkProperty() {
        return errorMark.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> runStartedNanosProperty() {
        return runStartedNanos.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScriptRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    public BooleanBinding connected() {
        return session.isNotNull();
    }

    /** Whether Commit and Rollback make sense: a transaction is open and nothing runs. */
    public BooleanBinding canEndTransaction() {
        return Bindings.createBooleanBinding(
                () -> transactionState.get() != TransactionState.IDLE && !running.get(), transactionState, running);
    }

    /**
     * Lets go of the session when the connection goes away (the caller asked about transactions first);
     * the caller closes the returned session off the FX thread.
     */
    public Optional<QuerySession> detachSession() {
        QuerySession current = session.get();
        session.set(null);
        manualCommit.set(false);
        transactionState.set(TransactionState.IDLE);
        return Optional.ofNullable(current);
    }
}
