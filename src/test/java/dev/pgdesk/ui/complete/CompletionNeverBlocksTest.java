package dev.pgdesk.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.CandidateKind;
import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.ui.editor.SqlEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.event.Event;
import javafx.scene.Scene;
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

/**
 * Completion never blocks typing: while the catalog loader hangs (a latch stands in for a slow server), every
 * keystroke is handled at once and the popup offers keywords with a "loading schema…" hint; the tables
 * appear by themselves once the load finishes.
 */
@ExtendWith(ApplicationExtension.class)
class CompletionNeverBlocksTest {
    /**
     * A bound that only a waiting keystroke would pass: the load never ends on its own, so a keystroke that
     * waited for it would never return. Not a speed target (a garbage collection or a busy machine can take
     * tens of milliseconds); speed is the benchmark's business.
     */
    private static final long KEYSTROKE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ExecutorService loads = Executors.newSingleThreadExecutor();
    private final CountDownLatch serverAnswers = new CountDownLatch(1);
    private final AtomicBoolean loadStarted = new AtomicBoolean();
    private SqlEditor editor;

    @Start
    void start(Stage stage) {
        SnapshotCache cache = new SnapshotCache(
                () -> {
                    loadStarted.set(true);
                    try {
                        serverAnswers.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.sql.SQLException("the load was interrupted", e);
                    }
                    return ShopCatalog.snapshot();
                },
                loads);
        // As the first key typed in an editor of the connection does: the load starts, before the typing below.
        assertThat(cache.get().isEmpty()).isTrue();
        editor = new SqlEditor();
        editor.completionCacheProperty().set(cache);
        stage.setScene(new Scene(new StackPane(editor.node()), 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        serverAnswers.countDown();
        WaitForAsyncUtils.asyncFx(editor::dispose).get();
        loads.shutdownNow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Types one character as the keyboard would, returning how long the FX thread spent on it. */
    private long typeTimed(char c) throws Exception {
        return fx(() -> {
            long start = System.nanoTime();
            KeyCode code =
                    Character.isLetter(c) ? KeyCode.getKeyCode(String.valueOf(c).toUpperCase()) : KeyCode.UNDEFINED;
            Event.fireEvent(editor.area(), key(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, code));
            Event.fireEvent(editor.area(), key(KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED));
            Event.fireEvent(editor.area(), key(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, code));
            return System.nanoTime() - start;
        });
    }

    private static KeyEvent key(javafx.event.EventType<KeyEvent> type, String character, KeyCode code) {
        return new KeyEvent(type, character, "", code == null ? KeyCode.UNDEFINED : code, false, false, false, false);
    }

    /** How long the FX thread takes to get to a task queued now: the work it still had, refreshes included. */
    private static long queueDelay() throws Exception {
        long start = System.nanoTime();
        fx(() -> true);
        return System.nanoTime() - start;
    }

    private List<Candidate> shown() throws Exception {
        return fx(() -> List.copyOf(editor.completion().model().candidates()));
    }

    @Test
    void typingGoesOnAtOnceWhileTheSchemaLoadsAndTheTablesAppearOnceItIsThere(FxRobot robot) throws Exception {
        robot.interact(() -> editor.area().requestFocus());
        Waits.until(loadStarted::get);
        StringBuilder script = new StringBuilder();
        while (script.length() < 184) {
            script.append("SELECT id, name FROM customers WHERE id = 1; ");
        }
        script.setLength(184);
        script.append(" SELECT * FROM la");
        assertThat(script).hasSizeGreaterThanOrEqualTo(200);

        List<Long> handling = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        for (char c : script.toString().toCharArray()) {
            handling.add(typeTimed(c));
            delays.add(queueDelay());
        }

        assertThat(fx(editor::getText)).isEqualTo(script.toString());
        assertThat(handling).allSatisfy(nanos -> assertThat(nanos).isLessThan(KEYSTROKE_LIMIT_NANOS));
        assertThat(delays).allSatisfy(nanos -> assertThat(nanos).isLessThan(KEYSTROKE_LIMIT_NANOS * 4));
        assertThat(serverAnswers.getCount()).as("the load is still hanging").isEqualTo(1);

        Waits.until(() -> fx(() -> editor.completion().model().isVisible()));
        assertThat(shown()).extracting(Candidate::kind).containsOnly(CandidateKind.KEYWORD);
        assertThat(shown()).extracting(Candidate::label).contains("lateral");
        assertThat(fx(() -> editor.completion().model().hintProperty().get())).isEqualTo(SqlCompletion.LOADING_HINT);

        serverAnswers.countDown();

        Waits.until(
                () -> shown().stream().anyMatch(candidate -> candidate.label().equals("labels")));
        assertThat(shown()).extracting(Candidate::kind).contains(CandidateKind.TABLE);
        assertThat(fx(() -> editor.completion().model().hintProperty().get())).isEmpty();
        assertThat(fx(() -> editor.completion().isShowing())).isTrue();
    }
}
