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
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a code area's syntax highlighting up to date without blocking the FX thread: after a pause in
 * typing, the text is lexed and turned into style spans on a background executor, and the spans are applied
 * on the FX thread only if the text has not changed meanwhile (otherwise a newer run is on its way).
 */
final class SyntaxHighlighting {
    private static final Logger LOG = LoggerFactory.getLogger(SyntaxHighlighting.class);

    /** The text that was last highlighted and its tokens; offsets in the tokens refer to that text. */
    record Snapshot(String text, List<Token> tokens) {}

    private final CodeArea area;
    private final Executor executor;
    private final Runnable afterApply;
    private final Subscription subscriptions;
    private long textVersion;
    private long requestedVersion = -1;
    private long appliedVersion = -1;
    private Snapshot applied = new Snapshot("", List.of());
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
        Subscription versions = area.plainTextChanges().subscribe(change -> textVersion++);
        Subscription pauses = area.multiPlainChanges().successionEnds(pause).subscribe(changes -> request());
        this.subscriptions = versions.and(pauses);
    }

    /** Highlights the current text without waiting for a pause (after loading a whole new text). */
    void request() {
        if (disposed || requestedVersion == textVersion) {
            return;
        }
        long version = textVersion;
        requestedVersion = version;
        String text = area.getText();
        try {
            executor.execute(() -> compute(version, text));
        } catch (RejectedExecutionException e) {
            LOG.debug("Highlighting skipped: the executor no longer takes work", e);
        }
    }

    private void compute(long version, String text) {
        try {
            long started = System.nanoTime();
            List<Token> tokens = SqlLexer.tokenize(text);
            StyleSpans<Collection<String>> spans = styleSpans(SqlHighlighter.spans(tokens));
            lastComputeNanos = System.nanoTime() - started;
            Platform.runLater(() -> apply(version, new Snapshot(text, tokens), spans));
        } catch (RuntimeException e) {
            LOG.warn("Could not highlight {} characters of SQL", text.length(), e);
        }
    }

    private void apply(long version, Snapshot snapshot, StyleSpans<Collection<String>> spans) {
        if (disposed || version != textVersion) {
            return; // the text moved on; the run for the newer text applies its own spans
        }
        long started = System.nanoTime();
        if (!snapshot.text().isEmpty()) {
            area.setStyleSpans(0, spans);
        }
        applied = snapshot;
        appliedVersion = version;
        afterApply.run();
        lastApplyNanos = System.nanoTime() - started;
        LOG.debug(
                "Highlighted {} characters: {} ms to compute off the FX thread, {} ms to apply",
                snapshot.text().length(),
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

    private static StyleSpans<Collection<String>> styleSpans(List<HighlightSpan> spans) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(Math.max(1, spans.size()));
        if (spans.isEmpty()) {
            builder.add(Collections.emptyList(), 0);
        }
        for (HighlightSpan span : spans) {
            builder.add(span.isUnstyled() ? Collections.emptyList() : List.of(span.styleClass()), span.length());
        }
        return builder.create();
    }
}
