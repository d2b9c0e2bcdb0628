package dev.pgdesk.ui.query;

import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.explain.ExplainFailure;
import dev.pgdesk.explain.ExplainMode;
import dev.pgdesk.explain.ExplainOutcome;
import dev.pgdesk.explain.ExplainRunner;
import dev.pgdesk.explain.ExplainedPlan;
import dev.pgdesk.explain.StatementKind;
import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.export.StatementExport;
import dev.pgdesk.history.RememberedValue;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.ScriptListener;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ScriptRunner;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.SessionState;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.workspace.EditorTabState;
import dev.pgdesk.workspace.SqlFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
    /** Rows a query shows at once; a bigger result streams the rest from a server-side cursor. */
    static final int STREAM_BATCH = 1000;

    static final String COMMIT = "Commit";
    static final String ROLL_BACK = "Roll Back";
    static final String SAVE = "Save";
    static final String DISCARD = "Don't Save";

    private final QueryServices services;
    private final RunMemory memory;
    private final String id;
    private final String profileId;
    private final String profileName;

    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty modified = new SimpleBooleanProperty();
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(30);
    private final BooleanProperty manualCommit = new SimpleBooleanProperty();
    /** Run Script goes on after a failed statement, as psql does without ON_ERROR_STOP. */
    private final BooleanProperty continueOnError = new SimpleBooleanProperty();

    private int caret;
    private int order;

    private final ObjectProperty<QuerySession> session = new SimpleObjectProperty<>();
    /** The catalog cache completion reads, shared by the tabs of one connection; null while not connected. */
    private final ObjectProperty<SnapshotCache> completionCache = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<TransactionState> transactionState =
            new ReadOnlyObjectWrapper<>(TransactionState.IDLE);
    /** What the tab's session holds that keeps its connection (settings, temporary tables), "" for nothing. */
    private final ReadOnlyStringWrapper keptSession = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
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
    /** What the statements waiting for parameter values (or a connection) are for: a run or an explain. */
    private PendingAction pendingAction = PendingAction.RUN;
    /** The plan the last Explain produced; cleared when anything else runs. */
    private final ReadOnlyObjectWrapper<ExplainedPlan> explained = new ReadOnlyObjectWrapper<>();
    /** What the user ran while not connected; it runs once the connection is there. */
    private ScriptPlan waitingForConnection;

    private CancellationToken runToken;
    private Runnable connectRequest = () -> {};

    /** The saved query this editor was opened from or last saved as; null for none. */
    private final ObjectProperty<SavedQuery> savedQuery = new SimpleObjectProperty<>();
    /** Values the parameter panel starts with (a saved query's defaults), by label such as {@code :day}. */
    private final Map<String, String> presetValues = new HashMap<>();

    private Consumer<String> saveQueryRequest = sql -> {};

    public QueryTabModel(QueryServices services, EditorTabState state, String profileName) {
        this.services = services;
        this.id = state.id();
        this.profileId = state.profileId();
        this.profileName = profileName;
        this.memory = new RunMemory(services.history(), services.parameterMemory(), profileId, profileName);
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
                run(waiting, pendingAction);
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
                run(ScriptPlan.ofRange(script, selectionStart, selectionEnd, standardStrings()), PendingAction.RUN);
            } else {
                Optional<ScriptPlan> plan =
                        ScriptPlan.atCaret(script, Math.min(caretOffset, script.length()), standardStrings());
                if (plan.isEmpty()) {
                    status.set("Nothing to run: the editor holds no statement.");
                    return;
                }
                run(plan.get(), PendingAction.RUN);
            }
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /**
     * Runs every statement of the editor, one after the other, on one session, stopping at the first error
     * unless {@link #continueOnErrorProperty()} is set.
     */
    public void runScript() {
        try {
            ScriptPlan plan = ScriptPlan.ofScript(text.get(), standardStrings());
            if (plan.isEmpty()) {
                status.set("Nothing to run: the editor holds no statement.");
                return;
            }
            run(plan, PendingAction.RUN);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /**
     * Runs the statements waiting for parameter values, with the values now in the panel; explains the
     * statement instead when the values were asked for by Explain.
     */
    public void runWithParameters() {
        if (pendingPlan != null) {
            proceed(pendingPlan);
        }
    }

    /** Cancels the running statement on the server; the rest of the script is not run. */
    public void cancel() {
        if (runToken != null && running.get()) {
            status.set("Cancelling…");
            runToken.cancel();
        }
    }

    /**
     * How the session reads strings now ({@code standard_conforming_strings}); the runner reads the script
     * again should a statement change it.
     */
    private boolean standardStrings() {
        QuerySession current = session.get();
        return current == null || current.standardConformingStrings();
    }

    private void run(ScriptPlan plan, PendingAction action) {
        if (running.get()) {
            status.set("A statement is still running: wait for it or cancel it (Esc).");
            return;
        }
        pendingAction = action;
        QuerySession current = session.get();
        if (current == null) {
            status.set("Connecting to " + profileName + "; the statements run once connected…");
            waitingForConnection = plan;
            connectRequest.run();
            return;
        }
        if (!plan.hasParameters()) {
            parametersShown.set(false);
            proceed(plan);
            return;
        }
        status.set("Asking the server for the parameters' types…");
        services.tasks()
                .run(
                        token -> new Described(ScriptRunner.parameterTypes(current, plan), memory.recall(plan)),
                        described -> prepareParameters(plan, described.types(), described.remembered(), true),
                        error -> refuse("The parameters' types could not be read: " + error.getMessage()));
    }

    /**
     * Shows the parameter panel for every placeholder of the whole text without running anything (the
     * monitor's Open in Editor puts a normalised statement here); does nothing when the text has none.
     */
    public void showParameters() {
        QuerySession current = session.get();
        ScriptPlan plan;
        try {
            plan = ScriptPlan.ofScript(text.get(), standardStrings());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        if (current == null || plan.isEmpty() || !plan.hasParameters()) {
            return;
        }
        pendingAction = PendingAction.RUN;
        status.set("Asking the server for the parameters' types…");
        services.tasks()
                .run(
                        token -> new Described(ScriptRunner.parameterTypes(current, plan), memory.recall(plan)),
                        described -> {
                            prepareParameters(plan, described.types(), described.remembered(), false);
                            status.set("Enter the parameters' values, then press Run with Values (Ctrl+Enter).");
                        },
                        error -> refuse("The parameters' types could not be read: " + error.getMessage()));
    }

    /** The server's types for a plan's parameters and the values they had last time. */
    private record Described(Map<Parameter, String> types, Map<String, RememberedValue> remembered) {}

    private void prepareParameters(
            ScriptPlan plan,
            Map<Parameter, String> types,
            Map<String, RememberedValue> remembered,
            boolean runWhenComplete) {
        Map<String, ParameterRow> previous =
                parameters.stream().collect(Collectors.toMap(ParameterRow::label, row -> row, (a, b) -> a));
        List<ParameterRow> rows = new ArrayList<>();
        for (Parameter parameter : plan.parameters()) {
            ParameterRow row = new ParameterRow(parameter, types.get(parameter));
            ParameterRow old = previous.get(parameter.label());
            RememberedValue last = remembered.get(parameter.label());
            if (old != null && old.givenProperty().get()) {
                row.recall(old.valueProperty().get(), old.nullProperty().get(), old.typeOverride());
            } else if (presetValues.containsKey(parameter.label())) {
                row.recall(presetValues.get(parameter.label()), false, null);
            } else if (last != null) {
                row.recall(last.value(), last.isNull(), last.typeOverride());
            }
            rows.add(row);
        }
        parameters.setAll(rows);
        parametersShown.set(true);
        pendingPlan = plan;
        if (runWhenComplete && rows.stream().allMatch(row -> row.givenProperty().get())) {
            proceed(plan);
        } else {
            status.set(
                    pendingAction == PendingAction.RUN
                            ? "Enter the parameters' values, then press Run with Values (Ctrl+Enter)."
                            : "Enter the parameters' values, then press Run with Values (Ctrl+Enter) to explain"
                                    + " the statement.");
        }
    }

    private void execute(ScriptPlan plan) {
        QuerySession current = session.get();
        if (current == null || running.get()) {
            return;
        }
        Optional<Map<Parameter, ParameterValue>> checked = panelValues(plan);
        if (checked.isEmpty()) {
            return;
        }
        Map<Parameter, ParameterValue> values = checked.get();
        if (plan.hasParameters()) {
            rememberValues(plan);
        }
        pendingPlan = plan.hasParameters() ? plan : null;
        results.clear();
        messages.clear();
        errorMark.set(null);
        explained.set(null);
        runStartedNanos.set(System.nanoTime());
        running.set(true);
        status.set(
                plan.statements().size() == 1
                        ? "Running…"
                        : "Running " + plan.statements().size() + " statements…");
        ScriptRunner.Options options =
                new ScriptRunner.Options(Duration.ofSeconds(timeoutSeconds.get()), STREAM_BATCH, continueOnError.get());
        AtomicReference<ScriptRun> outcome = new AtomicReference<>();
        runToken = services.tasks()
                .run(
                        token -> {
                            ScriptRun run =
                                    ScriptRunner.run(current, plan, values, options, token, listener(values), null);
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

    private void rememberValues(ScriptPlan plan) {
        Map<String, RememberedValue> values = new LinkedHashMap<>();
        for (ParameterRow row : parameters) {
            values.put(
                    row.label(),
                    new RememberedValue(
                            row.valueProperty().get(), row.nullProperty().get(), row.typeOverride()));
        }
        services.tasks()
                .run(
                        token -> {
                            memory.remember(plan, values);
                            return plan;
                        },
                        remembered -> {},
                        error -> LOG.warn("Could not remember parameter values", error));
    }

    private ScriptListener listener(Map<Parameter, ParameterValue> values) {
        return new ScriptListener() {
            @Override
            public void finished(StatementOutcome outcome) {
                try {
                    memory.record(outcome, values);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not record a statement in the history", e);
                }
                Platform.runLater(() -> show(outcome));
            }
        };
    }

    private void show(StatementOutcome outcome) {
        results.add(outcome);
        String script = text.get();
        ResultText.linesFor(outcome, script).forEach(line -> message(line.kind(), line.text()));
        outcome.errorOffset().ifPresent(offset -> errorMark.set(new ErrorMark(offset)));
    }

    private void finished(ScriptPlan plan, ScriptRun run, QuerySession current) {
        running.set(false);
        runStartedNanos.set(null);
        TransactionState state = current.transactionState();
        transactionState.set(state);
        String script = text.get();
        ResultText.afterRun(run, script).forEach(line -> message(line.kind(), line.text()));
        noteKeptSession(current);
        status.set(ResultText.summary(run, state));
        lastRun.set(run);
        catalogMayHaveChanged(run.outcomes().stream()
                .map(outcome -> outcome.statement().text())
                .toList());
    }

    /** Says once when the session starts keeping its connection, and what for. */
    private void noteKeptSession(QuerySession current) {
        String now = current.keptState().map(SessionState::describe).orElse("");
        if (!now.isEmpty() && !now.equals(keptSession.get())) {
            message(
                    MessageLine.Kind.INFO,
                    "This tab keeps its own session (" + now + ") for its next runs; no other tab gets its"
                            + " connection. DISCARD ALL or closing the tab gives it back.");
        }
        keptSession.set(now);
    }

    /** Lets completion see what DDL did: the cache reloads (in the background) when the statements hold DDL. */
    private void catalogMayHaveChanged(List<String> statements) {
        SnapshotCache cache = completionCache.get();
        if (cache != null) {
            cache.afterStatements(statements);
        }
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

    // Commands: explain

    /** What the statements waiting for parameter values or for the connection are to do. */
    private enum PendingAction {
        RUN,
        EXPLAIN,
        EXPLAIN_ANALYZE
    }

    /**
     * Explains the selection when there is one, else the statement under the caret, with its parameters
     * asked for in the panel as for a run. {@link ExplainMode#ANALYZE} runs the statement inside a
     * transaction that is rolled back.
     */
    public void explainStatement(ExplainMode mode, int caretOffset, int selectionStart, int selectionEnd) {
        String script = text.get();
        ScriptPlan plan;
        try {
            if (selectionEnd > selectionStart) {
                plan = ScriptPlan.ofRange(script, selectionStart, selectionEnd, standardStrings());
            } else {
                Optional<ScriptPlan> atCaret =
                        ScriptPlan.atCaret(script, Math.min(caretOffset, script.length()), standardStrings());
                if (atCaret.isEmpty()) {
                    status.set("Nothing to explain: the editor holds no statement.");
                    return;
                }
                plan = atCaret.get();
            }
            if (plan.statements().size() != 1) {
                refuse(
                        plan.isEmpty()
                                ? "Nothing to explain: the selection holds no statement."
                                : "EXPLAIN shows the plan of one statement, but the selection holds "
                                        + plan.statements().size()
                                        + ": select just the one to explain, or put the cursor in it.");
                return;
            }
            StatementKind.requireExplainable(plan.statements().get(0).text());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        run(plan, mode == ExplainMode.ANALYZE ? PendingAction.EXPLAIN_ANALYZE : PendingAction.EXPLAIN);
    }

    /** Does what the statements were started for, once their parameters have values. */
    private void proceed(ScriptPlan plan) {
        switch (pendingAction) {
            case RUN -> execute(plan);
            case EXPLAIN -> explain(plan, ExplainMode.PLAN);
            case EXPLAIN_ANALYZE -> explain(plan, ExplainMode.ANALYZE);
        }
    }

    private void explain(ScriptPlan plan, ExplainMode mode) {
        QuerySession current = session.get();
        if (current == null || running.get()) {
            return;
        }
        Optional<Map<Parameter, ParameterValue>> values = panelValues(plan);
        if (values.isEmpty()) {
            return;
        }
        if (plan.hasParameters()) {
            rememberValues(plan);
        }
        pendingPlan = plan.hasParameters() ? plan : null;
        ScriptStatement statement = plan.statements().get(0);
        results.clear();
        messages.clear();
        errorMark.set(null);
        explained.set(null);
        runStartedNanos.set(System.nanoTime());
        running.set(true);
        status.set(
                mode == ExplainMode.ANALYZE
                        ? "Running EXPLAIN ANALYZE inside a transaction that will be rolled back…"
                        : "Explaining…");
        Duration timeout = Duration.ofSeconds(timeoutSeconds.get());
        Map<Parameter, ParameterValue> bound = values.get();
        AtomicReference<ExplainOutcome> outcome = new AtomicReference<>();
        runToken = services.tasks()
                .run(
                        token -> {
                            ExplainOutcome done =
                                    new ExplainRunner(current).explain(statement.text(), bound, mode, timeout, token);
                            outcome.set(done);
                            return done;
                        },
                        done -> explainFinished(statement, done, current),
                        error -> {
                            // A cancel that came as the plan arrived still shows what the server said.
                            if (error instanceof CancelledException && outcome.get() != null) {
                                explainFinished(statement, outcome.get(), current);
                            } else {
                                failed(error, current);
                            }
                        });
    }

    /** The panel's values for the plan's parameters; empty (with the problems in the status) when one is bad. */
    private Optional<Map<Parameter, ParameterValue>> panelValues(ScriptPlan plan) {
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
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private void explainFinished(ScriptStatement statement, ExplainOutcome outcome, QuerySession current) {
        running.set(false);
        runStartedNanos.set(null);
        TransactionState state = current.transactionState();
        transactionState.set(state);
        String rollback =
                outcome.rollbackMessage().map(message -> " " + message).orElse("");
        if (outcome instanceof ExplainFailure failure) {
            // Shown as a run's error is: an error tab, the Messages, and the position marked in the editor.
            ServerError error = failure.error();
            show(new StatementOutcome(0, statement, BoundStatement.of(statement.text()), error));
            outcome.rollbackMessage().ifPresent(message -> message(MessageLine.Kind.INFO, message));
            String said = ServerError.QUERY_CANCELED.equals(error.sqlState())
                    ? "Cancelled: " + error.message()
                    : "EXPLAIN failed: ERROR " + error.sqlState() + ": " + error.message();
            status.set(said + (said.endsWith(".") ? "" : ".") + rollback);
            return;
        }
        ExplainedPlan plan = (ExplainedPlan) outcome;
        plan.notices()
                .forEach(notice -> message(MessageLine.Kind.NOTICE, notice.severity() + ":  " + notice.message()));
        String what = plan.mode() == ExplainMode.ANALYZE ? "EXPLAIN ANALYZE" : "EXPLAIN";
        message(
                MessageLine.Kind.INFO,
                what + " of the statement at line " + ResultText.lineOf(text.get(), statement.start()) + " in "
                        + ResultText.millis(plan.duration()) + ": the plan is in the Plan tab.");
        outcome.rollbackMessage().ifPresent(message -> message(MessageLine.Kind.INFO, message));
        explained.set(plan);
        int marked = plan.analysis().marked().size();
        String said =
                "Plan of " + plan.plan().nodes().size() + (plan.plan().nodes().size() == 1 ? " node" : " nodes")
                        + (marked == 0 ? "" : ", " + marked + " marked") + ".";
        status.set(said
                + rollback
                + (state == TransactionState.IDLE ? "" : " A transaction is open: commit or roll back."));
    }

    /** The plan of the last Explain, for the plan tab; {@code null} after anything else ran. */
    public ReadOnlyObjectProperty<ExplainedPlan> explainedProperty() {
        return explained.getReadOnlyProperty();
    }

    // Commands: export

    /**
     * Asks for a file and exports the whole result of {@code outcome}'s statement there: a reading statement
     * runs again through a server-side cursor and streams to the file (not only the loaded rows); a write's
     * returned rows are written as they were kept. The file appears only when complete; Cancel or Esc stops
     * the export and leaves nothing under the chosen name.
     */
    public void export(StatementOutcome outcome, ExportOptions options) {
        QuerySession current = session.get();
        if (current == null || running.get()) {
            status.set(
                    current == null
                            ? "Not connected: connect to " + profileName + " to export."
                            : "A statement is still running: wait for it or cancel it (Esc).");
            return;
        }
        String extension = options.format() == ExportFormat.CSV && options.csvDelimiter() == '\t'
                ? "tsv"
                : options.format().extension();
        Optional<Path> chosen = services.dialogs()
                .chooseExportFile(
                        "Export Result " + (outcome.index() + 1), "result-" + (outcome.index() + 1) + "." + extension);
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        Duration timeout = Duration.ofSeconds(timeoutSeconds.get());
        runStartedNanos.set(System.nanoTime());
        running.set(true);
        exporting.set(true);
        status.set("Exporting to " + target.getFileName() + "…");
        runToken = services.tasks()
                .run(
                        token -> StatementExport.export(
                                current,
                                outcome,
                                target,
                                options,
                                timeout,
                                token,
                                progress -> Platform.runLater(() -> {
                                    if (exporting.get()) {
                                        status.set("Exporting to " + target.getFileName() + ": "
                                                + StatementExport.describe(progress));
                                    }
                                })),
                        done -> {
                            endExport();
                            String said = "Exported " + StatementExport.describe(done) + " to " + target + ".";
                            message(MessageLine.Kind.INFO, said);
                            status.set(said);
                        },
                        error -> {
                            endExport();
                            String said = error instanceof CancelledException
                                    ? "Export cancelled; nothing was written to " + target.getFileName() + "."
                                    : "The export failed: "
                                            + (error.getMessage() == null ? error.toString() : error.getMessage())
                                            + " Nothing was written to " + target.getFileName() + ".";
                            message(
                                    error instanceof CancelledException
                                            ? MessageLine.Kind.INFO
                                            : MessageLine.Kind.ERROR,
                                    said);
                            status.set(said);
                        });
    }

    private void endExport() {
        exporting.set(false);
        running.set(false);
        runStartedNanos.set(null);
        QuerySession current = session.get();
        if (current != null) {
            transactionState.set(current.transactionState());
        }
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
                            keptSession.set(current.keptState()
                                    .map(SessionState::describe)
                                    .orElse(""));
                            catalogMayHaveChanged(List.of(commit ? "COMMIT" : "ROLLBACK"));
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
        // Leaving manual mode hands the pinned connection back to the pool: work for a worker thread.
        running.set(true);
        services.tasks()
                .run(
                        token -> {
                            current.setManualCommit(manual);
                            return manual;
                        },
                        applied -> {
                            running.set(false);
                            status.set(
                                    applied
                                            ? "Manual commit: statements run in a transaction until you commit or"
                                                    + " roll back."
                                            : "Auto-commit: each statement is committed when it succeeds.");
                        },
                        error -> {
                            running.set(false);
                            status.set("Switching the commit mode failed: " + error.getMessage());
                        });
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

    /** The runner for background work, for the views of this tab's results. */
    public TaskRunner tasks() {
        return services.tasks();
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

    /**
     * Starts the parameter panel with these values (a saved query's defaults) instead of the ones remembered
     * from earlier runs; values the user typed since still win.
     *
     * @param valuesByLabel the text of each parameter, by label as the SQL writes it ({@code $1}, {@code :day})
     */
    public void presetParameters(Map<String, String> valuesByLabel) {
        presetValues.clear();
        presetValues.putAll(valuesByLabel);
    }

    /**
     * The values now in the parameter panel, by label ({@code $1}, {@code :day}): only those given and not
     * NULL, for saving as a saved query's defaults.
     */
    public Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterRow row : parameters) {
            if (row.givenProperty().get() && !row.nullProperty().get()) {
                values.put(row.label(), row.valueProperty().get());
            }
        }
        return values;
    }

    /** The panel's type of each parameter (the server's unless the user chose another), by label. */
    public Map<String, String> parameterTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (ParameterRow row : parameters) {
            String type = row.typeProperty().get();
            if (type != null && !type.isBlank()) {
                types.put(row.label(), type);
            }
        }
        return types;
    }

    /** Asks the window to open the "Save as Saved Query" dialog for {@code sql} of this editor. */
    public void requestSaveAsSavedQuery(String sql) {
        saveQueryRequest.accept(sql);
    }

    /** What {@link #requestSaveAsSavedQuery} does; the window sets it. */
    public void setSaveQueryRequest(Consumer<String> saveQueryRequest) {
        this.saveQueryRequest = saveQueryRequest;
    }

    /** The saved query this editor was opened from or last saved as, so saving again replaces it. */
    public ObjectProperty<SavedQuery> savedQueryProperty() {
        return savedQuery;
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

    /** Whether Run Script goes on after a failed statement. */
    public BooleanProperty continueOnErrorProperty() {
        return continueOnError;
    }

    /** What the tab's session holds that keeps its own connection, in words; "" when nothing. */
    public ReadOnlyStringProperty keptSessionProperty() {
        return keptSession.getReadOnlyProperty();
    }

    public BooleanProperty manualCommitProperty() {
        return manualCommit;
    }

    public ObjectProperty<QuerySession> sessionProperty() {
        return session;
    }

    /** The catalog cache of the tab's connection, for completion; null while not connected. */
    public ObjectProperty<SnapshotCache> completionCacheProperty() {
        return completionCache;
    }

    public ReadOnlyObjectProperty<TransactionState> transactionStateProperty() {
        return transactionState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while a result is being exported (the tab counts as running then, so Cancel stops it). */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
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
