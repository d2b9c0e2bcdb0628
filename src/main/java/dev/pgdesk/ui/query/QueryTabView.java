package dev.pgdesk.ui.query;

import dev.pgdesk.explain.ExplainMode;
import dev.pgdesk.explain.ExplainedPlan;
import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.grid.StreamedRowSource;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StreamedRows;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.ui.editor.SqlEditor;
import dev.pgdesk.ui.explain.PlanView;
import dev.pgdesk.ui.explain.PlanViewModel;
import dev.pgdesk.ui.grid.ResultGrid;
import dev.pgdesk.ui.theme.Tooltips;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A SQL editor tab's content: toolbar (run, cancel, timeout, transaction controls), the editor, the
 * parameter panel when the statements have parameters, and the results below: Messages plus one tab per
 * statement run.
 */
public final class QueryTabView {
    private static final KeyCombination RUN_STATEMENT = KeyCombination.keyCombination("Shortcut+Enter");
    private static final KeyCombination RUN_SCRIPT = KeyCombination.keyCombination("Shortcut+Shift+Enter");
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final KeyCombination EXPLAIN = KeyCombination.keyCombination("F7");
    private static final KeyCombination EXPLAIN_ANALYZE = KeyCombination.keyCombination("Shift+F7");
    private static final KeyCombination SAVE_AS = KeyCombination.keyCombination("Shortcut+Shift+S");
    private static final String[] COMMON_TYPES = {
        "text", "int4", "int8", "numeric", "bool", "date", "timestamp", "timestamptz", "uuid", "jsonb", "float8"
    };

    private final QueryTabModel model;
    private final SqlEditor editor = new SqlEditor();
    private final BorderPane root = new BorderPane();
    private final TabPane resultTabs = new TabPane();
    private final Tab messagesTab = new Tab("Messages");
    private final VBox parameterPanel = new VBox(8);
    private final Label elapsed = new Label();
    private final Timeline elapsedTicker;
    private boolean loadingText;
    /** The grids of the result tabs, disposed of when the next run replaces them. */
    private final List<ResultGrid> grids = new ArrayList<>();
    /** The tab showing the last Explain's plan, if any. */
    private Tab planTab;

    public QueryTabView(QueryTabModel model) {
        this.model = model;
        root.getStyleClass().add("query-tab");
        root.getStylesheets().add(QueryTabView.class.getResource("query.css").toExternalForm());
        root.setTop(toolBar());

        editor.loadText(model.textProperty().get());
        editor.moveCaret(Math.min(model.caret(), model.textProperty().get().length()));
        editor.textProperty().addListener((obs, old, now) -> {
            if (!loadingText) {
                model.textProperty().set(now);
            }
        });
        model.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(editor.getText())) {
                loadingText = true;
                try {
                    editor.loadText(now);
                } finally {
                    loadingText = false;
                }
            }
        });
        editor.area().caretPositionProperty().addListener((obs, old, now) -> model.setCaret(now));
        editor.area().setContextMenu(contextMenu());
        editor.completionCacheProperty().bind(model.completionCacheProperty());
        model.errorMarkProperty().addListener((obs, old, mark) -> {
            if (mark == null) {
                editor.clearErrorMark();
            } else {
                editor.markErrorToken(mark.offset());
            }
        });

        buildParameterPanel();
        SplitPane top = new SplitPane(editor.node());
        model.parametersShownProperty().addListener((obs, old, shown) -> {
            if (shown && !top.getItems().contains(parameterPanel)) {
                top.getItems().add(parameterPanel);
                top.setDividerPositions(0.68);
            } else if (!shown) {
                top.getItems().remove(parameterPanel);
            }
        });
        SplitPane split = new SplitPane(top, results());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setBottom(statusLine());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);

        elapsedTicker = new Timeline(new KeyFrame(Duration.millis(100), event -> showElapsed()));
        elapsedTicker.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((obs, old, running) -> {
            if (running) {
                showElapsed();
                elapsedTicker.play();
            } else {
                elapsedTicker.stop();
                elapsed.setText("");
            }
        });
    }

    public Node content() {
        return root;
    }

    public SqlEditor editor() {
        return editor;
    }

    /** Cut, copy and paste, and saving the selection (or all the text) as a saved query. */
    private ContextMenu contextMenu() {
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(event -> editor.area().cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> editor.area().copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(event -> editor.area().paste());
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setOnAction(event -> editor.area().selectAll());
        MenuItem saveQuery = new MenuItem("Save as Saved Query…");
        saveQuery.setId("contextSaveQuery");
        saveQuery.setOnAction(event -> model.requestSaveAsSavedQuery(textToSave()));
        return new ContextMenu(
                cut, copy, paste, new SeparatorMenuItem(), selectAll, new SeparatorMenuItem(), saveQuery);
    }

    /** What "Save as Saved Query" saves: the selected text when there is a selection, else the whole text. */
    public String textToSave() {
        String selected = editor.area().getSelectedText();
        return selected == null || selected.isBlank() ? editor.getText() : selected;
    }

    /** Stops the timers and the editor's background highlighting: the tab is gone. */
    public void dispose() {
        elapsedTicker.stop();
        editor.dispose();
        disposeGrids();
    }

    private void disposeGrids() {
        grids.forEach(ResultGrid::dispose);
        grids.clear();
    }

    private void shortcuts(KeyEvent event) {
        if (RUN_SCRIPT.match(event) || (event.getCode() == KeyCode.F5 && !event.isShortcutDown())) {
            model.runScript();
        } else if (RUN_STATEMENT.match(event)) {
            if (model.parametersShownProperty().get() && parameterPanel.isFocusWithin()) {
                model.runWithParameters();
            } else {
                runStatement();
            }
        } else if (EXPLAIN_ANALYZE.match(event)) {
            explain(ExplainMode.ANALYZE);
        } else if (EXPLAIN.match(event)) {
            explain(ExplainMode.PLAN);
        } else if (event.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
            model.cancel();
        } else if (SAVE_AS.match(event)) {
            model.save(true);
        } else if (SAVE.match(event)) {
            model.save(false);
        } else {
            return;
        }
        event.consume();
    }

    private void runStatement() {
        IndexRange selection = editor.selection();
        model.runStatement(editor.caretPosition(), selection.getStart(), selection.getEnd());
    }

    private void explain(ExplainMode mode) {
        if (model.runningProperty().get()) {
            return;
        }
        IndexRange selection = editor.selection();
        model.explainStatement(mode, editor.caretPosition(), selection.getStart(), selection.getEnd());
    }

    private ToolBar toolBar() {
        Button run =
                button("▶", "Run", "runStatement", "Run the statement under the cursor, or the selection (Ctrl+Enter)");
        run.setOnAction(event -> runStatement());
        SplitMenuButton script = runScriptButton();
        run.disableProperty().bind(model.runningProperty());
        script.disableProperty().bind(model.runningProperty());
        Button explain = button(
                "⌥", "Explain", "explain", "Show the plan of the statement under the cursor, or the selection (F7)");
        explain.setOnAction(event -> explain(ExplainMode.PLAN));
        explain.disableProperty().bind(model.runningProperty());
        // "Analyze" rather than "Explain Analyze": the toolbar must fit the default window with a failed
        // transaction's wider state label; the tooltip gives the full name.
        Button explainAnalyze = button(
                "◷",
                "Analyze",
                "explainAnalyze",
                "Explain Analyze (Shift+F7): run the statement and show its plan with actual times, rows and"
                        + " buffers. It runs inside a transaction that is rolled back, so an UPDATE changes nothing.");
        explainAnalyze.setOnAction(event -> explain(ExplainMode.ANALYZE));
        explainAnalyze.disableProperty().bind(model.runningProperty());
        Button cancel = button("■", "Cancel", "cancelRun", "Cancel the running statement on the server (Esc)");
        cancel.setOnAction(event -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());

        ToggleButton manual = new ToggleButton("Manual commit");
        manual.setId("manualCommit");
        manual.getStyleClass().add("mode-toggle");
        Tooltips.installLazily(
                manual,
                "Off: each statement commits on its own. On: statements run in a transaction "
                        + "until you commit or roll back.");
        manual.selectedProperty().bindBidirectional(model.manualCommitProperty());
        manual.disableProperty()
                .bind(model.runningProperty().or(model.connected().not()));
        Button commit = button("✓", "Commit", "commit", "Commit the open transaction");
        commit.setOnAction(event -> model.commit());
        commit.disableProperty().bind(model.canEndTransaction().not());
        Button rollback = button("↶", "Rollback", "rollback", "Roll back the open transaction");
        rollback.setOnAction(event -> model.rollback());
        rollback.disableProperty().bind(model.canEndTransaction().not());

        ToolBar bar =
                new ToolBar(run, script, explain, explainAnalyze, cancel, new Separator(), manual, commit, rollback);
        bar.getStyleClass().add("query-toolbar");
        return bar;
    }

    private static void showState(Label label, TransactionState state, String kept) {
        label.getStyleClass().removeAll("tx-idle", "tx-open", "tx-failed");
        switch (state) {
            case IDLE -> {
                label.setText(kept.isEmpty() ? "Idle" : "Idle · own session");
                label.getStyleClass().add("tx-idle");
                label.setTooltip(new Tooltip(
                        kept.isEmpty()
                                ? "No transaction is open."
                                : "No transaction is open. This tab's session holds " + kept + ", so it keeps its"
                                        + " own connection until it holds nothing more (DISCARD ALL) or the tab"
                                        + " closes."));
            }
            case IN_TRANSACTION -> {
                label.setText("In transaction");
                label.getStyleClass().add("tx-open");
                label.setTooltip(new Tooltip("A transaction is open: commit or roll back to end it."));
            }
            case FAILED -> {
                label.setText("Failed: roll back");
                label.getStyleClass().add("tx-failed");
                label.setTooltip(
                        new Tooltip("The transaction failed. The server ignores statements until you roll back."));
            }
        }
    }

    /**
     * Run Script, with its option in the arrow's menu: Continue on Error runs the statements after a failed
     * one too, as psql does without ON_ERROR_STOP.
     */
    private SplitMenuButton runScriptButton() {
        CheckMenuItem continueOnError = new CheckMenuItem("Continue on Error");
        continueOnError.setId("continueOnError");
        continueOnError.selectedProperty().bindBidirectional(model.continueOnErrorProperty());
        Label icon = new Label("»");
        icon.getStyleClass().add("tool-icon");
        SplitMenuButton script = new SplitMenuButton(continueOnError);
        script.setText("Run Script");
        script.setGraphic(icon);
        script.setId("runScript");
        script.getStyleClass().add("tool-button");
        script.setOnAction(event -> model.runScript());
        Tooltips.installLazily(
                script,
                "Run every statement, one after the other, on one session (Ctrl+Shift+Enter, F5). The arrow's"
                        + " menu sets whether the run stops at the first error (the default) or continues.");
        return script;
    }

    private static Button button(String glyph, String text, String id, String tooltip) {
        Label icon = new Label(glyph);
        icon.getStyleClass().add("tool-icon");
        Button button = new Button(text, icon);
        button.setId(id);
        button.getStyleClass().add("tool-button");
        Tooltips.installLazily(button, tooltip);
        return button;
    }

    private void showElapsed() {
        Long started = model.runStartedNanosProperty().get();
        if (started != null) {
            double seconds = (System.nanoTime() - started) / 1e9;
            elapsed.setText(String.format("Running %.1f s", seconds));
        }
    }

    // Parameters

    private void buildParameterPanel() {
        parameterPanel.setId("parameterPanel");
        parameterPanel.getStyleClass().add("parameter-panel");
        // As wide as its rows need: a fixed width clipped the type column of longer parameter names.
        parameterPanel.setMinWidth(Region.USE_PREF_SIZE);
        model.parameters().addListener((ListChangeListener<ParameterRow>) change -> fillParameterPanel());
    }

    private void fillParameterPanel() {
        Label title = new Label("Parameters");
        title.getStyleClass().add("panel-title");
        Button hide = new Button("×");
        hide.getStyleClass().add("icon-button");
        hide.setTooltip(new Tooltip("Hide the parameters"));
        hide.setOnAction(event -> model.hideParameters());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, hide);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints fit = new javafx.scene.layout.ColumnConstraints();
        fit.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(fit, grow, fit, fit);
        grid.add(new Label("Name"), 0, 0);
        grid.add(new Label("Value"), 1, 0);
        grid.add(new Label("NULL"), 2, 0);
        grid.add(new Label("Type"), 3, 0);
        int line = 1;
        for (ParameterRow row : model.parameters()) {
            String key = row.label().substring(1);
            Label name = new Label(row.label());
            name.getStyleClass().add("parameter-name");
            TextField value = new TextField(row.valueProperty().get());
            value.setId("param-value-" + key);
            value.setPromptText(row.givenProperty().get() ? "" : "value");
            value.textProperty().bindBidirectional(row.valueProperty());
            value.disableProperty().bind(row.nullProperty());
            GridPane.setHgrow(value, Priority.ALWAYS);
            value.setMinWidth(130);
            CheckBox isNull = new CheckBox();
            isNull.setId("param-null-" + key);
            isNull.selectedProperty().bindBidirectional(row.nullProperty());
            ComboBox<String> type = new ComboBox<>();
            type.setId("param-type-" + key);
            type.setEditable(true);
            type.getItems().setAll(COMMON_TYPES);
            type.setValue(row.typeProperty().get());
            type.valueProperty().bindBidirectional(row.typeProperty());
            type.setPrefWidth(132);
            type.setTooltip(
                    new Tooltip("The server says: " + row.serverTypeProperty().get()));
            Label problem = new Label();
            problem.setId("param-problem-" + key);
            problem.getStyleClass().add("field-error");
            problem.textProperty().bind(row.problemProperty());
            problem.managedProperty().bind(row.problemProperty().isNotEmpty());
            problem.visibleProperty().bind(row.problemProperty().isNotEmpty());
            problem.setWrapText(true);
            grid.addRow(line++, name, value, isNull, type);
            grid.add(problem, 1, line++, 3, 1);
        }
        Button run = new Button("Run with Values");
        run.setId("runWithParameters");
        run.getStyleClass().add("primary");
        run.setDefaultButton(false);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(event -> model.runWithParameters());
        Label hint = new Label("Values are bound on the server, never pasted into the SQL.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        parameterPanel.getChildren().setAll(header, grid, run, hint);
    }

    // Results

    private Node results() {
        resultTabs.setId("resultTabs");
        resultTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ListView<MessageLine> messages = new ListView<>(model.messages());
        messages.setId("messages");
        messages.getStyleClass().add("messages");
        messages.setPlaceholder(
                new Label("Run a statement with Ctrl+Enter, or the whole script with Ctrl+Shift+Enter."));
        messages.setCellFactory(list -> new MessageCell());
        messagesTab.setContent(messages);
        messagesTab.setId("messagesTab");
        resultTabs.getTabs().add(messagesTab);
        model.results().addListener((ListChangeListener<StatementOutcome>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && model.results().isEmpty()) {
                    resultTabs.getTabs().retainAll(messagesTab);
                    disposeGrids();
                }
                change.getAddedSubList().forEach(this::addResultTab);
            }
        });
        model.lastRunProperty().addListener((obs, old, run) -> selectAfterRun(run));
        model.explainedProperty().addListener((obs, old, plan) -> showPlan(plan));
        return resultTabs;
    }

    /** Replaces the plan tab with one for {@code plan}, and shows it; removes it for {@code null}. */
    private void showPlan(ExplainedPlan plan) {
        if (planTab != null) {
            resultTabs.getTabs().remove(planTab);
            planTab = null;
        }
        if (plan == null) {
            return;
        }
        PlanViewModel planModel = new PlanViewModel(plan);
        planTab = new Tab(planModel.tabTitle(), new PlanView(planModel).content());
        planTab.setId("planTab");
        planTab.setTooltip(new Tooltip(firstLine(plan.statement())));
        resultTabs.getTabs().add(planTab);
        resultTabs.getSelectionModel().select(planTab);
    }

    private void addResultTab(StatementOutcome outcome) {
        int number = outcome.index() + 1;
        Tab tab = new Tab();
        tab.setId("result-" + number);
        if (outcome.result() instanceof RowsResult rows) {
            tab.setText("Result " + number + " (" + rows.rows().size() + (rows.truncated() ? "+" : "") + ")");
            ResultGrid grid = ResultViews.rows(rows, "resultTable-" + number, model.tasks());
            grid.addAction(exportButton(outcome));
            grids.add(grid);
            tab.setContent(ResultViews.withCapNote(rows, grid));
            grid.start();
        } else if (outcome.result() instanceof StreamedRows streamed) {
            tab.setText("Result " + number);
            ResultGrid grid = new ResultGrid(new StreamedRowSource(streamed), model.tasks());
            grid.table().setId("resultTable-" + number);
            grid.addAction(exportButton(outcome));
            grids.add(grid);
            tab.setContent(grid.content());
            grid.start();
        } else if (outcome.result() instanceof UpdateResult update) {
            tab.setText("Result " + number + " · " + update.command());
            tab.setContent(ResultViews.update(update));
        } else {
            tab.setText("Result " + number + " · Error");
            tab.getStyleClass().add("error-tab");
            tab.setContent(ResultViews.error((ServerError) outcome.result()));
        }
        tab.setTooltip(new Tooltip(firstLine(outcome.statement().text())));
        resultTabs.getTabs().add(tab);
        if (resultTabs.getTabs().size() == 2) {
            resultTabs.getSelectionModel().select(tab);
        }
    }

    /** Export ▸ JSON, JSON Lines, CSV with a comma or a semicolon, TSV; and numbers as strings. */
    private MenuButton exportButton(StatementOutcome outcome) {
        int number = outcome.index() + 1;
        CheckMenuItem numericAsString = new CheckMenuItem("Write numeric values as strings");
        numericAsString.setId("exportNumericAsString-" + number);
        MenuButton export = new MenuButton("Export");
        export.setId("exportResult-" + number);
        export.getStyleClass().add("grid-button");
        export.setTooltip(new Tooltip(
                "Write every row of this result to a file, streamed from the server (not only" + " the loaded rows)"));
        export.disableProperty().bind(model.runningProperty());
        export.getItems()
                .addAll(
                        exportItem(
                                "JSON (array of objects)…",
                                "exportJson-" + number,
                                outcome,
                                numericAsString,
                                ExportOptions.of(ExportFormat.JSON)),
                        exportItem(
                                "JSON Lines…",
                                "exportJsonl-" + number,
                                outcome,
                                numericAsString,
                                ExportOptions.of(ExportFormat.JSONL)),
                        exportItem(
                                "CSV, comma-separated…",
                                "exportCsv-" + number,
                                outcome,
                                numericAsString,
                                ExportOptions.of(ExportFormat.CSV)),
                        exportItem(
                                "CSV, semicolon-separated…",
                                "exportCsvSemicolon-" + number,
                                outcome,
                                numericAsString,
                                ExportOptions.of(ExportFormat.CSV).withCsvDelimiter(';')),
                        exportItem(
                                "TSV, tab-separated…",
                                "exportTsv-" + number,
                                outcome,
                                numericAsString,
                                ExportOptions.of(ExportFormat.CSV).withCsvDelimiter('\t')),
                        new SeparatorMenuItem(),
                        numericAsString);
        return export;
    }

    private MenuItem exportItem(
            String text, String id, StatementOutcome outcome, CheckMenuItem numericAsString, ExportOptions options) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> model.export(outcome, options.withNumericAsString(numericAsString.isSelected())));
        return item;
    }

    private void selectAfterRun(ScriptRun run) {
        if (run == null || run.outcomes().isEmpty()) {
            return;
        }
        if (run.failed() && run.stop() == ScriptRun.Stop.NONE && run.outcomes().size() > 1) {
            // A run that went on after errors lists them all at the end of Messages.
            resultTabs.getSelectionModel().select(messagesTab);
        } else if (run.failed()) {
            resultTabs
                    .getSelectionModel()
                    .select(resultTabs.getTabs().get(resultTabs.getTabs().size() - 1));
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /**
     * The statement timeout, in the status line beside the elapsed time it limits (the toolbar has no room
     * for it at the default window width once Explain and Analyze are there).
     */
    private Node timeoutControl() {
        Spinner<Integer> timeout =
                new Spinner<>(0, 86_400, model.timeoutSecondsProperty().get());
        timeout.setId("timeout");
        timeout.setEditable(true);
        timeout.setPrefWidth(84);
        Tooltips.installLazily(timeout, "Statement timeout in seconds, enforced by the server; 0 = none");
        timeout.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.timeoutSecondsProperty().set(now);
            }
        });
        Label timeoutLabel = new Label("Timeout (s)");
        timeoutLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, timeoutLabel, timeout);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("queryStatus");
        status.getStyleClass().add("query-status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        elapsed.setId("elapsed");
        elapsed.getStyleClass().add("elapsed");
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        Label connection = new Label();
        connection.setId("tabConnection");
        connection.getStyleClass().add("tab-connection");
        connection.setMinWidth(Region.USE_PREF_SIZE);
        connection
                .textProperty()
                .bind(Bindings.when(model.connected())
                        .then("● " + model.profileName())
                        .otherwise("○ " + model.profileName() + " (not connected)"));
        ProgressBar exportProgress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        exportProgress.setId("exportProgress");
        exportProgress.setPrefWidth(120);
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportProgress.managedProperty().bind(model.exportingProperty());
        // The transaction's state sits with the connection, as pgAdmin shows it: in the toolbar a wide
        // "Failed: roll back" pushed buttons into the overflow menu of narrower windows.
        Label state = new Label();
        state.setId("transactionState");
        state.getStyleClass().add("tx-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        Runnable show = () -> showState(
                state,
                model.transactionStateProperty().get(),
                model.keptSessionProperty().get());
        model.transactionStateProperty().addListener((obs, old, now) -> show.run());
        model.keptSessionProperty().addListener((obs, old, now) -> show.run());
        show.run();
        // Continue on Error is a mode of the tab: the status line says so while it is on (the toolbar has no room).
        Label continueOnError = new Label("Continues on error");
        continueOnError.setId("continueOnErrorMode");
        continueOnError.getStyleClass().add("mode-badge");
        continueOnError.setMinWidth(Region.USE_PREF_SIZE);
        continueOnError.setTooltip(new Tooltip("Run Script runs the statements after a failed one too (Run Script's"
                + " menu turns it off); a lost connection still stops the run."));
        continueOnError.visibleProperty().bind(model.continueOnErrorProperty());
        continueOnError.managedProperty().bind(model.continueOnErrorProperty());
        HBox line = new HBox(12, exportProgress, status, elapsed, continueOnError, timeoutControl(), state, connection);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("query-status-line");
        return line;
    }

    /** A line of the Messages tab, styled by kind. */
    private static final class MessageCell extends ListCell<MessageLine> {
        @Override
        protected void updateItem(MessageLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("message-info", "message-notice", "message-error");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.time() + "  " + line.text());
            getStyleClass()
                    .add(
                            switch (line.kind()) {
                                case INFO -> "message-info";
                                case NOTICE -> "message-notice";
                                case ERROR -> "message-error";
                            });
        }
    }
}
