package dev.pgdesk.ui.editor;

import dev.pgdesk.sql.HighlightSpan;
import dev.pgdesk.sql.SqlHighlighter;
import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.Token;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a code area's syntax highlighting up to date without blocking the FX thread: after a pause in
 * typing, the text is lexed and turned into style spans on a background executor, and the spans are applied
 * on the FX thread only if the text has not changed meanwhile (otherwise a newer run is on its way).
 *
 * <p>Restyling a whole long script costs the FX thread tens of milliseconds, so only the part whose styles
 * changed is applied: the region edited since the last highlighting, widened on both sides to wherever the
 * new styles first differ from the ones already shown (opening a quote restyles to the end, typing inside
 * a name restyles one token).
 */
final class SyntaxHighlighting {
    private static final Logger LOG = LoggerFactory.getLogger(SyntaxHighlighting.class);

    /** Highlighted text with its tokens and spans; offsets refer to that text. */
    record Snapshot(String text, List<Token> tokens, List<HighlightSpan> spans) {}

    /** A computed highlighting: the new snapshot and the styles for the part of the text that changed. */
    private record Result(Snapshot base, Snapshot snapshot, int restyleStart, StyleSpans<Collection<String>> restyle) {}

    private final CodeArea area;
    private final Executor executor;
    private final Runnable afterApply;
    private final Subscription subscriptions;
    private long textVersion;
    private long requestedVersion = -1;
    private long appliedVersion; // version 0, the empty text, needs no styles
    private Snapshot applied = new Snapshot("", List.of(), List.of());
    /** The range edited since {@link #applied}, in current-text offsets; start is -1 when nothing was. */
    private int editedStart = -1;

    private int editedEnd = -1;
    private volatile long lastComputeNanos;
    private long lastApplyNanos;
    private boolean disposed;

    /**
     * @param afterApply runs on the FX thread right after new spans were applied, to put marks back on top
     */
    SyntaxHighlighting(CodeArea area, Executor executor, Duration pause, Runnable afterApply) {
        this.area = area;
        this.executor = executor;
        this.afterApply = afterApply;
        Subscription edits = area.plainTextChanges().subscribe(this::edited);
        Subscription pauses = area.multiPlainChanges().successionEnds(pause).subscribe(changes -> request());
        this.subscriptions = edits.and(pauses);
    }

    private void edited(PlainTextChange change) {
        textVersion++;
        int position = change.getPosition();
        int insertedEnd = change.getInsertionEnd();
        if (editedStart < 0) {
            editedStart = position;
            editedEnd = insertedEnd;
            return;
        }
        int removedEnd = change.getRemovalEnd();
        int end;
        if (editedEnd <= position) {
            end = editedEnd;
        } else if (editedEnd >= removedEnd) {
            end = editedEnd + change.getNetLength();
        } else {
            end = insertedEnd;
        }
        editedStart = Math.min(editedStart, position);
        editedEnd = Math.max(end, insertedEnd);
    }

    /** Highlights the current text without waiting for a pause (after loading a whole new text). */
    void request() {
        if (disposed || requestedVersion == textVersion || editedStart < 0) {
            return;
        }
        long version = textVersion;
        requestedVersion = version;
        String text = area.getText();
        Snapshot base = applied;
        int start = editedStart;
        int end = editedEnd;
        try {
            executor.execute(() -> compute(version, text, base, start, end));
        } catch (RejectedExecutionException e) {
            LOG.debug("Highlighting skipped: the executor no longer takes work", e);
        }
    }

    private void compute(long version, String text, Snapshot base, int editStart, int editEnd) {
        try {
            long started = System.nanoTime();
            List<Token> tokens = SqlLexer.tokenize(text);
            List<HighlightSpan> spans = SqlHighlighter.spans(tokens);
            int newLength = text.length();
            int from = sameStyles(base.spans(), spans, Math.min(editStart, newLength), false);
            int unchangedTail = sameStyles(base.spans(), spans, Math.max(0, newLength - editEnd), true);
            int to = Math.max(from, newLength - unchangedTail);
            StyleSpans<Collection<String>> restyle = from < to ? styleSpans(spans, from, to) : null;
            lastComputeNanos = System.nanoTime() - started;
            Result result = new Result(base, new Snapshot(text, tokens, spans), from, restyle);
            Platform.runLater(() -> apply(version, result));
        } catch (RuntimeException e) {
            LOG.warn("Could not highlight {} characters of SQL", text.length(), e);
        }
    }

    private void apply(long version, Result result) {
        if (disposed || version != textVersion) {
            return; // the text moved on; the run for the newer text applies its own spans
        }
        if (result.base() != applied) {
            requestedVersion = -1; // computed against other styles than those shown: compute again
            request();
            return;
        }
        long started = System.nanoTime();
        if (result.restyle() != null) {
            area.setStyleSpans(result.restyleStart(), result.restyle());
        }
        applied = result.snapshot();
        appliedVersion = version;
        editedStart = -1;
        editedEnd = -1;
        afterApply.run();
        lastApplyNanos = System.nanoTime() - started;
        LOG.debug(
                "Highlighted {} characters ({} restyled): {} ms to compute off the FX thread, {} ms to apply",
                result.snapshot().text().length(),
                result.restyle() == null ? 0 : result.restyle().length(),
                lastComputeNanos / 1_000_000,
                lastApplyNanos / 1_000_000);
    }

    /** Whether the applied highlighting belongs to the current text. */
    boolean isCurrent() {
        return appliedVersion == textVersion;
    }

    /** The last applied text and its tokens; check {@link #isCurrent()} before trusting its offsets. */
    Snapshot applied() {
        return applied;
    }

    long lastComputeNanos() {
        return lastComputeNanos;
    }

    long lastApplyNanos() {
        return lastApplyNanos;
    }

    void dispose() {
        disposed = true;
        subscriptions.unsubscribe();
    }

    /**
     * How many characters, up to {@code limit}, have the same style in both span lists, counting from the
     * start of both texts or (with {@code fromEnd}) from the end of both.
     */
    static int sameStyles(List<HighlightSpan> old, List<HighlightSpan> current, int limit, boolean fromEnd) {
        int oldIndex = 0;
        int newIndex = 0;
        int oldLeft = 0;
        int newLeft = 0;
        int same = 0;
        while (same < limit) {
            if (oldLeft == 0) {
                if (oldIndex == old.size()) {
                    return same;
                }
                oldLeft =
                        old.get(fromEnd ? old.size() - 1 - oldIndex : oldIndex).length();
            }
            if (newLeft == 0) {
                if (newIndex == current.size()) {
                    return same;
                }
                newLeft = current.get(fromEnd ? current.size() - 1 - newIndex : newIndex)
                        .length();
            }
            String oldStyle =
                    old.get(fromEnd ? old.size() - 1 - oldIndex : oldIndex).styleClass();
            String newStyle = current.get(fromEnd ? current.size() - 1 - newIndex : newIndex)
                    .styleClass();
            if (!oldStyle.equals(newStyle)) {
                return same;
            }
            int step = Math.min(Math.min(oldLeft, newLeft), limit - same);
            same += step;
            oldLeft -= step;
            newLeft -= step;
            if (oldLeft == 0) {
                oldIndex++;
            }
            if (newLeft == 0) {
                newIndex++;
            }
        }
        return same;
    }

    /** The styles of {@code [from, to)} of the text the spans cover. */
    private static StyleSpans<Collection<String>> styleSpans(List<HighlightSpan> spans, int from, int to) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int position = 0;
        for (HighlightSpan span : spans) {
            int start = Math.max(position, from);
            int end = Math.min(position + span.length(), to);
            if (start < end) {
                builder.add(span.isUnstyled() ? Collections.emptyList() : List.of(span.styleClass()), end - start);
            }
            position += span.length();
            if (position >= to) {
                break;
            }
        }
        return builder.create();
    }
}
