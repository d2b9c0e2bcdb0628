package dev.pgdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.sql.HighlightSpan;
import dev.pgdesk.sql.SqlHighlighter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

@ExtendWith(ApplicationExtension.class)
class SqlEditorTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicInteger highlightTasks = new AtomicInteger();
    private final AtomicBoolean highlightedOnFxThread = new AtomicBoolean();
    private final List<KeyEvent> keysReachingTheView = new ArrayList<>();
    private SqlEditor editor;

    @Start
    void start(Stage stage) {
        editor = new SqlEditor(task -> background.execute(() -> {
            highlightTasks.incrementAndGet();
            if (Platform.isFxApplicationThread()) {
                highlightedOnFxThread.set(true);
            }
            task.run();
        }));
        StackPane view = new StackPane(editor.node());
        // Stands in for the query tab, which handles run and cancel keys on its way out of the editor.
        view.addEventHandler(KeyEvent.KEY_PRESSED, keysReachingTheView::add);
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(editor::dispose).get();
        background.shutdownNow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Loads {@code text}, puts the caret at {@code caret} with the focus in the text, waits for highlighting. */
    private void load(FxRobot robot, String text, int caret) throws Exception {
        robot.interact(() -> {
            editor.loadText(text);
            editor.area().requestFocus();
            editor.moveCaret(caret);
        });
        awaitHighlighting();
    }

    private void awaitHighlighting() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(editor::isHighlightingCurrent));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Collection<String> stylesAt(int offset) throws Exception {
        return fx(() -> editor.area().getStyleOfChar(offset));
    }

    private boolean anyStyled(String styleClass) throws Exception {
        return fx(() -> {
            var spans = editor.area().getStyleSpans(0, editor.area().getLength());
            for (var span : spans) {
                if (span.getStyle().contains(styleClass)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String text() throws Exception {
        return fx(editor::getText);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#findStatus").queryAs(Label.class).getText();
    }

    @Test
    void typedSqlIsHighlightedWithTheClassOfEachToken(FxRobot robot) throws Exception {
        load(robot, "", 0);
        robot.write("SELECT 'a', $1, 42 -- note");
        awaitHighlighting();

        assertThat(text()).isEqualTo("SELECT 'a', $1, 42 -- note");
        assertThat(stylesAt(0)).containsExactly("keyword");
        assertThat(stylesAt(8)).containsExactly("string");
        assertThat(stylesAt(12)).containsExactly("parameter");
        assertThat(stylesAt(16)).containsExactly("number");
        assertThat(stylesAt(22)).containsExactly("comment");
        assertThat(stylesAt(6)).isEmpty();
    }

    /** The area's style class of each character (marks left out), and what highlighting the text from scratch gives. */
    private List<List<String>> shownAndExpectedStyles() throws Exception {
        return fx(() -> {
            List<String> shown = new ArrayList<>();
            String text = editor.getText();
            for (int i = 0; i < text.length(); i++) {
                List<String> classes = new ArrayList<>(editor.area().getStyleOfChar(i));
                classes.removeAll(List.of("bracket-match", "error-mark"));
                shown.add(classes.isEmpty() ? "" : classes.get(0));
            }
            List<String> expected = new ArrayList<>();
            for (HighlightSpan span : SqlHighlighter.spans(text)) {
                for (int i = 0; i < span.length(); i++) {
                    expected.add(span.styleClass());
                }
            }
            // A line break is no character of a paragraph in RichTextFX and has no style of its own.
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    shown.set(i, "line break");
                    expected.set(i, "line break");
                }
            }
            return List.of(shown, expected);
        });
    }

    @Test
    void restylingOnlyTheChangedPartLeavesTheSameStylesAsHighlightingEverything(FxRobot robot) throws Exception {
        load(robot, "SELECT a, 'b' FROM t -- c\nWHERE x = $1 AND f(y) > 2;\n", 0);
        Random random = new Random(42);
        String[] pieces = {"'", "\"", "$$", "--", "/*", "*/", "\n", "SELECT", " ", "x", "(", ")", "1", ":p", ";"};
        for (int round = 0; round < 60; round++) {
            robot.interact(() -> {
                int length = editor.area().getLength();
                int at = random.nextInt(length + 1);
                if (random.nextInt(3) == 0 && length > 0) {
                    int end = Math.min(length, at + 1 + random.nextInt(4));
                    editor.area().deleteText(Math.min(at, length - 1), end);
                } else {
                    editor.area().insertText(at, pieces[random.nextInt(pieces.length)]);
                }
                editor.moveCaret(random.nextInt(editor.area().getLength() + 1));
            });
            if (random.nextInt(3) > 0) {
                awaitHighlighting();
                List<List<String>> styles = shownAndExpectedStyles();
                assertThat(styles.get(0))
                        .as("styles after round %d of %s", round, text())
                        .isEqualTo(styles.get(1));
            }
        }
        robot.interact(() -> editor.markError(3, 9));
        robot.interact(() -> editor.area().insertText(0, "'"));
        awaitHighlighting();
        List<List<String>> styles = shownAndExpectedStyles();
        assertThat(styles.get(0)).isEqualTo(styles.get(1));
        assertThat(anyStyled("error-mark")).isFalse();
    }

    @Test
    void highlightingRunsOnTheGivenExecutorAndNeverOnTheFxThread(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 8);
        int before = highlightTasks.get();
        robot.write(" FROM t");
        awaitHighlighting();

        assertThat(highlightTasks.get()).isGreaterThan(before);
        assertThat(highlightedOnFxThread).isFalse();
        assertThat(stylesAt(9)).containsExactly("keyword");
    }

    @Test
    void aTenThousandLineScriptIsHighlightedAgainAfterTypingNearItsEnd(FxRobot robot) throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            script.append("SELECT id, name FROM users WHERE id = ").append(i).append(";\n");
        }
        script.append("selec");
        int lastLine = script.length() - "selec".length();
        load(robot, script.toString(), script.length());
        assertThat(stylesAt(lastLine)).containsExactly("identifier");

        robot.write("t");
        awaitHighlighting();

        assertThat(stylesAt(lastLine)).containsExactly("keyword");
        assertThat(stylesAt(lastLine - 3)).containsExactly("number");
        assertThat(highlightedOnFxThread).isFalse();
        long[] nanos = fx(editor::lastHighlightNanos);
        assertThat(nanos[0]).isPositive();
    }

    @Test
    void findMovesThroughMatchesAndCountsThem(FxRobot robot) throws Exception {
        load(robot, "select a; SELECT b; Select c;", 0);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("select");

        assertThat(status(robot)).isEqualTo("1 of 3");
        robot.type(KeyCode.ENTER);
        assertThat(status(robot)).isEqualTo("2 of 3");
        assertThat(fx(() -> editor.selection().getStart())).isEqualTo(10);
        robot.type(KeyCode.F3);
        assertThat(status(robot)).isEqualTo("3 of 3");
        robot.type(KeyCode.ENTER);
        assertThat(status(robot)).as("wraps around").isEqualTo("1 of 3");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertThat(status(robot)).isEqualTo("3 of 3");
        assertThat(fx(() -> editor.selection().getStart())).isEqualTo(20);

        robot.clickOn("#matchCase");
        assertThat(status(robot)).isEqualTo("1 of 1");
        assertThat(fx(() -> editor.selection().getStart())).isZero();

        robot.interact(() -> robot.lookup("#findField").queryAs(TextField.class).setText("nowhere"));
        assertThat(status(robot)).isEqualTo("No matches");
    }

    @Test
    void replaceAllIsOneUndoStepAndEscapeReturnsToTheText(FxRobot robot) throws Exception {
        String original = "SELECT a FROM t WHERE a = 1 OR A = 2";
        load(robot, original, 0);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        robot.write("a");
        robot.clickOn("#replaceField").write("col");
        robot.clickOn("#replaceAll");

        assertThat(text()).isEqualTo("SELECT col FROM t WHERE col = 1 OR col = 2");
        robot.clickOn("#findField").type(KeyCode.ESCAPE);
        assertThat(robot.lookup(".find-bar").query().isVisible()).isFalse();
        assertThat(fx(() -> editor.area().isFocused())).isTrue();
        assertThat(keysReachingTheView).noneMatch(key -> key.getCode() == KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(text()).isEqualTo(original);
    }

    @Test
    void replaceOneReplacesTheSelectedMatchAndMovesToTheNext(FxRobot robot) throws Exception {
        load(robot, "x = 1; x = 2;", 0);
        robot.interact(() -> editor.showFind(true));
        robot.write("x");
        robot.clickOn("#replaceField").write("y");
        robot.clickOn("#replaceOne");

        assertThat(text()).isEqualTo("y = 1; x = 2;");
        assertThat(status(robot)).isEqualTo("1 of 1");
        assertThat(fx(() -> editor.selection().getStart())).isEqualTo(7);
    }

    @Test
    void escapeAndRunKeysReachTheSurroundingViewWhileTheFindBarIsClosed(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 8);
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.F5);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
                .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);

        assertThat(keysReachingTheView)
                .extracting(KeyEvent::getCode)
                .contains(KeyCode.ESCAPE, KeyCode.F5)
                .filteredOn(code -> code == KeyCode.ENTER)
                .hasSize(2);
        assertThat(text()).isEqualTo("SELECT 1");
    }

    @Test
    void escapeInTheTextClosesAnOpenFindBarWithoutReachingTheView(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 0);
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        assertThat(robot.lookup("#replaceField").query().isVisible()).isTrue();
        robot.interact(() -> editor.area().requestFocus());
        robot.type(KeyCode.ESCAPE);

        assertThat(robot.lookup(".find-bar").query().isVisible()).isFalse();
        assertThat(keysReachingTheView).noneMatch(key -> key.getCode() == KeyCode.ESCAPE);
    }

    @Test
    void loadingTheSameTextAgainKeepsItsHighlighting(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 8);
        load(robot, "SELECT 1", 8);

        assertThat(stylesAt(0)).containsExactly("keyword");
        assertThat(stylesAt(7)).containsExactly("number");
    }

    @Test
    void aFilterOnTheEditorNodeCanTakeCtrlEnterBeforeItInsertsALine(FxRobot robot) throws Exception {
        List<KeyEvent> runs = new ArrayList<>();
        robot.interact(() -> editor.node().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isControlDown()) {
                runs.add(e);
                e.consume();
            }
        }));
        load(robot, "SELECT 1", 8);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        assertThat(runs).hasSize(1);
        assertThat(text()).isEqualTo("SELECT 1");
    }

    @Test
    void ctrlSlashTogglesCommentsAsOneUndoStep(FxRobot robot) throws Exception {
        String original = "SELECT 1;\n  SELECT 2;";
        load(robot, original, 0);
        robot.interact(() -> editor.area().selectAll());
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("-- SELECT 1;\n--   SELECT 2;");

        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(text()).isEqualTo(original);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("-- SELECT 1;\n--   SELECT 2;");
        awaitHighlighting();
        assertThat(stylesAt(0)).containsExactly("comment");
    }

    @Test
    void typingIsUndoneAndRedoneWithTheUsualKeys(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 8);
        robot.write(", 2");
        assertThat(text()).isEqualTo("SELECT 1, 2");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("SELECT 1");
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("SELECT 1, 2");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("SELECT 1, 2");
    }

    @Test
    void loadingTextForgetsTheUndoHistory(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 8);
        robot.write(" + 1");
        load(robot, "SELECT 2", 0);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        assertThat(text()).isEqualTo("SELECT 2");
        assertThat(fx(editor::caretPosition)).isZero();
    }

    @Test
    void theBracketNextToTheCaretAndItsPartnerAreMarked(FxRobot robot) throws Exception {
        load(robot, "SELECT count(*) FROM t WHERE a IN ('(', 2)", 13);
        assertThat(stylesAt(12)).containsExactlyInAnyOrder("punctuation", "bracket-match");
        assertThat(stylesAt(14)).containsExactlyInAnyOrder("punctuation", "bracket-match");

        robot.interact(() -> editor.moveCaret(35));
        assertThat(stylesAt(12)).containsExactly("punctuation");
        assertThat(stylesAt(34)).contains("bracket-match");
        assertThat(stylesAt(36)).as("a bracket inside a string").containsExactly("string");
        assertThat(stylesAt(41)).contains("bracket-match");

        robot.interact(() -> editor.moveCaret(3));
        assertThat(anyStyled("bracket-match")).isFalse();
    }

    @Test
    void anErrorMarkSurvivesHighlightingAndGoesAwayWithTheNextEdit(FxRobot robot) throws Exception {
        robot.interact(() -> {
            editor.loadText("SELECT * FROM nowhere WHERE x = 1");
            editor.markError(14, 21);
            editor.area().requestFocus();
        });
        awaitHighlighting();

        assertThat(stylesAt(14)).containsExactlyInAnyOrder("identifier", "error-mark");
        assertThat(stylesAt(20)).contains("error-mark");
        assertThat(stylesAt(21)).doesNotContain("error-mark");
        assertThat(fx(editor::caretPosition)).isEqualTo(14);

        robot.write("x");
        assertThat(anyStyled("error-mark")).isFalse();
        awaitHighlighting();
        assertThat(anyStyled("error-mark")).isFalse();
    }

    @Test
    void anErrorMarkIsClampedToTheTextAndCanBeCleared(FxRobot robot) throws Exception {
        load(robot, "SELECT 1", 0);
        robot.interact(() -> editor.markError(40, 40));
        assertThat(stylesAt(7)).contains("error-mark");

        robot.interact(editor::clearErrorMark);
        assertThat(anyStyled("error-mark")).isFalse();
        assertThat(stylesAt(7)).containsExactly("number");
    }

    @Test
    void theTokenAtAnErrorPositionIsMarkedWhole(FxRobot robot) throws Exception {
        load(robot, "SELECT * FROM nowhere", 0);
        robot.interact(() -> editor.markErrorToken(16));

        assertThat(stylesAt(13)).doesNotContain("error-mark");
        assertThat(stylesAt(14)).contains("error-mark");
        assertThat(stylesAt(20)).contains("error-mark");
        assertThat(fx(editor::caretPosition)).isEqualTo(14);

        robot.interact(() -> editor.markErrorToken(13));
        assertThat(stylesAt(13)).contains("error-mark");
        assertThat(stylesAt(14)).doesNotContain("error-mark");
    }

    @Test
    void enterKeepsTheIndentationAndTabInsertsSpaces(FxRobot robot) throws Exception {
        load(robot, "SELECT\n    a", 12);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.TAB);
        robot.write("b");

        assertThat(text()).isEqualTo("SELECT\n    a\n        b");
    }
}
