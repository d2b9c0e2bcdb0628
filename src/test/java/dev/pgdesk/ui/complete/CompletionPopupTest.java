package dev.pgdesk.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.CandidateKind;
import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.ui.editor.SqlEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The completion popup in the SQL editor, over a catalog built in code. */
@ExtendWith(ApplicationExtension.class)
class CompletionPopupTest {
    private final ExecutorService loads = Executors.newSingleThreadExecutor();
    private final List<KeyEvent> escapesReachingTheView = new ArrayList<>();
    private SqlEditor editor;

    @Start
    void start(Stage stage) throws Exception {
        SnapshotCache cache = new SnapshotCache(ShopCatalog::snapshot, loads);
        cache.refresh().get(30, TimeUnit.SECONDS);
        editor = new SqlEditor();
        editor.completionCacheProperty().set(cache);
        StackPane view = new StackPane(editor.node());
        // Stands in for the query tab, whose filter cancels a running statement on Escape.
        view.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                escapesReachingTheView.add(event);
            }
        });
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(editor::dispose).get();
        loads.shutdownNow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private void load(FxRobot robot, String text, int caret) {
        robot.interact(() -> {
            editor.loadText(text);
            editor.area().requestFocus();
            editor.moveCaret(caret);
        });
    }

    private static void ctrlSpace(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> shownLabels(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#completionList").queryAs(ListView.class);
        return fx(() ->
                list.getItems().stream().map(item -> ((Candidate) item).label()).toList());
    }

    private boolean popupShowing() throws Exception {
        return fx(() ->
                editor.completion().isShowing() && editor.completion().model().isVisible());
    }

    private String text() throws Exception {
        return fx(editor::getText);
    }

    @Test
    void ctrlSpaceOffersTheTableBeingTypedAndEnterInsertsIt(FxRobot robot) throws Exception {
        load(robot, "", 0);
        robot.write("SELECT  FROM cus");
        ctrlSpace(robot);

        assertThat(popupShowing()).isTrue();
        assertThat(shownLabels(robot)).first().isEqualTo("customers");
        assertThat(robot.lookup("#completionPopup").tryQuery()).isPresent();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text()).isEqualTo("SELECT  FROM customers");
        assertThat(fx(editor::caretPosition)).isEqualTo("SELECT  FROM customers".length());
        assertThat(popupShowing()).isFalse();
    }

    @Test
    void insertingIsOneUndoStep(FxRobot robot) throws Exception {
        load(robot, "", 0);
        robot.write("SELECT * FROM ord");
        ctrlSpace(robot);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text()).isEqualTo("SELECT * FROM orders");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text()).isEqualTo("SELECT * FROM ord");
    }

    @Test
    void aDotAfterAnAliasListsTheColumnsOfItsTable(FxRobot robot) throws Exception {
        String script = "SELECT c FROM customers c";
        load(robot, script, "SELECT c".length());
        robot.write(".");
        Waits.until(this::popupShowing);

        assertThat(shownLabels(robot))
                .contains("id", "name", "email", "country")
                .doesNotContain("customers");
        Candidate first = fx(() -> editor.completion().model().selected().orElseThrow());
        assertThat(first.kind()).isEqualTo(CandidateKind.COLUMN);
        assertThat(first.detail()).isNotEmpty();
    }

    @Test
    void typingOnFiltersTheOpenList(FxRobot robot) throws Exception {
        load(robot, "SELECT * FROM ", "SELECT * FROM ".length());
        ctrlSpace(robot);
        assertThat(shownLabels(robot)).contains("customers", "orders", "order_lines", "labels");

        robot.write("or");
        Waits.until(() -> !shownLabels(robot).contains("customers"));

        assertThat(shownLabels(robot)).contains("orders", "order_lines").doesNotContain("customers", "labels");
        assertThat(popupShowing()).isTrue();
    }

    @Test
    void downMovesTheSelectionAndTabInsertsIt(FxRobot robot) throws Exception {
        load(robot, "SELECT * FROM ", "SELECT * FROM ".length());
        ctrlSpace(robot);
        List<String> labels = shownLabels(robot);

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text()).isEqualTo("SELECT * FROM " + labels.get(1));
    }

    @Test
    void escapeClosesThePopupWithoutReachingTheQueryTab(FxRobot robot) throws Exception {
        load(robot, "", 0);
        robot.write("SELECT * FROM cu");
        ctrlSpace(robot);
        assertThat(popupShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(popupShowing()).isFalse();
        assertThat(escapesReachingTheView).isEmpty();
        assertThat(text()).isEqualTo("SELECT * FROM cu");

        robot.type(KeyCode.ESCAPE);
        assertThat(escapesReachingTheView).hasSize(1);
    }

    @Test
    void typingTwoLettersOfAWordOpensThePopupByItself(FxRobot robot) throws Exception {
        load(robot, "", 0);
        robot.write("SELECT * FROM la");

        Waits.until(this::popupShowing);

        assertThat(shownLabels(robot)).contains("labels", "lateral");
    }

    @Test
    void aSpaceOrMovingTheCaretOutOfTheWordClosesThePopup(FxRobot robot) throws Exception {
        load(robot, "SELECT * FROM ", "SELECT * FROM ".length());
        ctrlSpace(robot);
        robot.write(" ");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(popupShowing()).isFalse();

        ctrlSpace(robot);
        assertThat(popupShowing()).isTrue();
        robot.interact(() -> editor.moveCaret(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(popupShowing()).isFalse();
    }

    @Test
    void eachRowShowsTheKindTagAndTheDetail(FxRobot robot) throws Exception {
        load(robot, "SELECT * FROM customers WHERE ", "SELECT * FROM customers WHERE ".length());
        ctrlSpace(robot);

        List<String> tags = fx(() -> robot.lookup(".completion-kind").queryAllAs(Label.class).stream()
                .filter(Label::isVisible)
                .map(Label::getText)
                .toList());
        List<String> details = fx(() -> robot.lookup(".completion-detail").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
        assertThat(tags).contains("col");
        assertThat(details).anyMatch(detail -> detail.contains("text"));
        assertThat(robot.lookup("#completionHint").queryAs(Label.class).isVisible())
                .isFalse();
    }

    @Test
    void aScriptOverTheOffThreadLengthIsStillCompletedAtTheCaret(FxRobot robot) throws Exception {
        StringBuilder script = new StringBuilder();
        while (script.length() <= SqlCompletion.OFF_THREAD_LENGTH) {
            script.append("SELECT id, name FROM customers WHERE id = 1;\n");
        }
        script.append("SELECT * FROM ord");
        load(robot, script.toString(), script.length());

        ctrlSpace(robot);
        Waits.until(this::popupShowing);

        assertThat(shownLabels(robot)).contains("orders", "order_lines").doesNotContain("customers");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text()).endsWith("\nSELECT * FROM orders");
    }

    @Test
    void theFirstKeyTypedStartsTheCatalogLoad(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicInteger loadsStarted = new java.util.concurrent.atomic.AtomicInteger();
        SnapshotCache lazy = new SnapshotCache(
                () -> {
                    loadsStarted.incrementAndGet();
                    return ShopCatalog.snapshot();
                },
                loads);
        robot.interact(() -> editor.completionCacheProperty().set(lazy));
        load(robot, "SELECT * FROM orders", 0);
        assertThat(loadsStarted).hasValue(0);

        robot.write("x");

        Waits.until(() -> loadsStarted.get() == 1);
        Waits.until(() -> !lazy.get().isEmpty());
    }
}
