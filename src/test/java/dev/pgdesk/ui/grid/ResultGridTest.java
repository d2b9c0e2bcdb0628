package dev.pgdesk.ui.grid;

import static dev.pgdesk.ui.FormRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.grid.CopyFormat;
import dev.pgdesk.grid.ListRowSource;
import dev.pgdesk.query.Column;
import dev.pgdesk.ui.task.FxTaskRunner;
import dev.pgdesk.ui.theme.Theme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ResultGridTest {
    private static final int ROWS = 100_000;
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "int4"),
            new Column("name", "text"),
            new Column("amount", "numeric"),
            new Column("note", "text"),
            new Column("doc", "jsonb"));

    private final FxTaskRunner tasks = new FxTaskRunner();
    private ResultGrid grid;

    @Start
    void start(Stage stage) throws Exception {
        grid = new ResultGrid(new ResultGridModel(new ListRowSource(COLUMNS, rows()), tasks, 1_000));
        Scene scene = new Scene((javafx.scene.Parent) grid.content(), 1000, 600);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        grid.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(grid::dispose);
        tasks.shutdown();
    }

    /**
     * Row i, as results hold it (the server's text): id i, name "row i", amount i/4 exactly, note NULL on even
     * rows and '' on odd ones.
     */
    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {
                Integer.toString(i),
                "row " + i,
                BigDecimal.valueOf(i).divide(BigDecimal.valueOf(4)).toPlainString(),
                i % 2 == 0 ? null : "",
                "{\"n\": " + i + "}"
            });
        }
        return rows;
    }

    private String status(FxRobot robot) {
        return robot.lookup("#gridStatus").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object[]> table(FxRobot robot) {
        return robot.lookup("#resultTable").queryAs(TableView.class);
    }

    private void firstBatchIn() throws Exception {
        waitFor(() -> grid.model().loadedRowsProperty().get() > 0
                && !grid.model().loadingProperty().get());
    }

    @Test
    void theFirstBatchIsShownAndTheStatusSaysMoreExist(FxRobot robot) throws Exception {
        firstBatchIn();

        assertThat(table(robot).getItems()).hasSize(1_000);
        assertThat(status(robot)).startsWith("1,000 rows loaded · more available");
        assertThat(table(robot).getColumns())
                .extracting(c -> c.getText())
                .containsExactly("id", "name", "amount", "note", "doc");
        assertThat(table(robot).getColumns().get(4).getPrefWidth())
                .isGreaterThan(table(robot).getColumns().get(0).getPrefWidth());
    }

    @Test
    void scrollingToTheEndLoadsTheNextBatch(FxRobot robot) throws Exception {
        firstBatchIn();

        robot.interact(() -> table(robot).scrollTo(999));
        waitFor(() -> grid.model().loadedRowsProperty().get() >= 2_000);

        assertThat(table(robot).getItems().size()).isGreaterThanOrEqualTo(2_000);
        assertThat(table(robot).getItems().get(1_500)[0]).isEqualTo("1500");
    }

    @Test
    void loadAllLoadsEveryRowAndSaysSo(FxRobot robot) throws Exception {
        firstBatchIn();

        robot.clickOn("#loadAll");
        waitFor(() -> grid.model().exhaustedProperty().get());

        assertThat(table(robot).getItems()).hasSize(ROWS);
        assertThat(status(robot)).startsWith("100,000 rows · all loaded");
    }

    @Test
    void loadAllStopsAtASmallMemoryCapAndSaysSo(FxRobot robot) throws Exception {
        firstBatchIn();
        robot.interact(() -> grid.model().memoryCapMegabytesProperty().set(2));

        robot.clickOn("#loadAll");
        waitFor(() -> grid.model().capReachedProperty().get());

        int loaded = grid.model().loadedRowsProperty().get();
        assertThat(loaded).isLessThan(ROWS);
        assertThat(grid.model().buffer().approximateBytes()).isGreaterThanOrEqualTo(2L * 1024 * 1024);
        assertThat(status(robot)).contains("stopped at the 2 MB cap");
        assertThat(robot.lookup("#loadAll").queryButton().isDisabled()).isTrue();

        robot.interact(() -> grid.model().memoryCapMegabytesProperty().set(512));
        assertThat(robot.lookup("#loadAll").queryButton().isDisabled()).isFalse();
    }

    @Test
    void nullIsStyledApartFromTheEmptyStringAndNumbersAreRightAligned(FxRobot robot) throws Exception {
        firstBatchIn();

        TableCell<?, ?> nullNote = cell(robot, 0, 3);
        TableCell<?, ?> emptyNote = cell(robot, 1, 3);
        TableCell<?, ?> amount = cell(robot, 1, 2);

        assertThat(nullNote.getText()).isEqualTo("NULL");
        assertThat(nullNote.getStyleClass()).contains("null-value");
        assertThat(emptyNote.getText()).isEmpty();
        assertThat(emptyNote.getStyleClass()).doesNotContain("null-value");
        assertThat(amount.getText()).isEqualTo("0.25");
        assertThat(amount.getAlignment()).isEqualTo(Pos.CENTER_RIGHT);
    }

    @Test
    void clickingAHeaderSortsByValueThenDescendingThenBackToLoadOrder(FxRobot robot) throws Exception {
        firstBatchIn();
        TableView<Object[]> table = table(robot);
        javafx.scene.Node idHeader = robot.lookup(".column-header")
                .match(node -> "column-0".equals(node.getId()))
                .query();

        robot.clickOn(idHeader);
        waitFor(() -> !table.getSortOrder().isEmpty()
                && !grid.model().arrangingProperty().get());
        // By value, not by text: 2 before 10, 999 last.
        assertThat(table.getItems())
                .extracting(row -> row[0])
                .startsWith("0", "1", "2", "3")
                .endsWith("999");
        assertThat(table.getSortOrder()).containsExactly(table.getColumns().get(0));
        assertThat(idHeader.lookup(".arrow")).as("the sort arrow").isNotNull();

        robot.clickOn(idHeader);
        waitFor(() -> !grid.model().arrangingProperty().get()
                && table.getItems().get(0)[0].equals("999"));
        assertThat(table.getItems()).extracting(row -> row[0]).startsWith("999", "998", "997");

        robot.clickOn(idHeader);
        waitFor(() ->
                !grid.model().arrangingProperty().get() && table.getSortOrder().isEmpty());
        assertThat(table.getItems()).extracting(row -> row[0]).startsWith("0", "1", "2");

        // The cell menu offers the same.
        openCellMenu(robot, cell(robot, 3, 2));
        robot.clickOn("Sort descending");
        waitFor(() -> !grid.model().arrangingProperty().get()
                && table.getItems().get(0)[2].equals("249.75"));
        assertThat(table.getSortOrder()).containsExactly(table.getColumns().get(2));
        openCellMenu(robot, cell(robot, 0, 2));
        robot.clickOn("Load order");
        waitFor(() ->
                !grid.model().arrangingProperty().get() && table.getSortOrder().isEmpty());
        assertThat(table.getItems().get(0)[0]).isEqualTo("0");
    }

    @Test
    void sortingAndFilteringWorkOnTheLoadedRows(FxRobot robot) throws Exception {
        firstBatchIn();
        TableView<Object[]> table = table(robot);
        javafx.scene.Node idHeader = robot.lookup(".column-header")
                .match(node -> "column-0".equals(node.getId()))
                .query();

        robot.clickOn(idHeader).clickOn(idHeader);
        waitFor(() -> !grid.model().arrangingProperty().get()
                && table.getItems().get(0)[0].equals("999"));

        robot.clickOn("#gridFilter").write("row 12");
        waitFor(() -> table.getItems().size() < 100
                && !grid.model().arrangingProperty().get());
        assertThat(table.getItems())
                .extracting(row -> (String) row[0])
                .containsExactly("129", "128", "127", "126", "125", "124", "123", "122", "121", "120", "12");
        assertThat(status(robot)).startsWith("11 of 1,000 rows loaded · more available");
        assertThat(grid.model().loadedRowsProperty().get())
                .as("a filter does not load more rows")
                .isEqualTo(1_000);
    }

    @Test
    void aSelectionIsCopiedInEachFormat(FxRobot robot) throws Exception {
        firstBatchIn();
        TableView<Object[]> table = table(robot);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel()
                    .selectRange(
                            0, table.getColumns().get(0), 1, table.getColumns().get(3));
        });
        robot.clickOn(cell(robot, 1, 1))
                .press(KeyCode.SHIFT)
                .clickOn(cell(robot, 0, 3))
                .release(KeyCode.SHIFT);

        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).isEqualTo("row 0\t0\t\nrow 1\t0.25\t\n");

        robot.interact(() -> grid.copy(CopyFormat.CSV));
        assertThat(clipboard(robot)).isEqualTo("name,amount,note\r\nrow 0,0,\r\nrow 1,0.25,\"\"\r\n");
        robot.interact(() -> grid.copy(CopyFormat.JSON));
        assertThat(clipboard(robot)).contains("\"amount\" : 0.25").contains("\"note\" : null");
        robot.interact(() -> grid.copy(CopyFormat.MARKDOWN));
        assertThat(clipboard(robot).lines().toList())
                .containsExactly(
                        "| name | amount | note |",
                        "| --- | ---: | --- |",
                        "| row 0 | 0 | NULL |",
                        "| row 1 | 0.25 |  |");
        robot.interact(() -> grid.copy(CopyFormat.SQL_INSERT));
        assertThat(clipboard(robot)).startsWith("INSERT INTO result (name, amount, note) VALUES ('row 0', 0, NULL);\n");
    }

    @Test
    void theValuePanelShowsTheFocusedValueWhole(FxRobot robot) throws Exception {
        firstBatchIn();

        robot.clickOn("#valuePanelToggle");
        robot.clickOn(cell(robot, 2, 4));
        WaitForAsyncUtils.waitForFxEvents();

        String shown = robot.lookup("#valueText").queryTextInputControl().getText();
        assertThat(shown).contains("\"n\" : 2").contains("\n");
        assertThat(Set.of(shown.split("\n")).size()).isGreaterThan(1);
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    /** A right click on {@code cell}, and its menu. */
    private void openCellMenu(FxRobot robot, TableCell<?, ?> cell) {
        robot.rightClickOn(cell);
        // Monocle sends no context-menu request for a right click, so the test shows the menu as one would.
        robot.interact(() -> table(robot).getContextMenu().show(cell, javafx.geometry.Side.BOTTOM, 20, 0));
    }

    private TableCell<?, ?> cell(FxRobot robot, int row, int column) {
        return robot.lookup(".grid-cell")
                .match((TableCell<?, ?> c) -> c.getIndex() == row
                        && c.getTableColumn() == table(robot).getColumns().get(column))
                .query();
    }
}
