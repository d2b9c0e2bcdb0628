package dev.pgdesk.connect.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Tracks the steps of one test: tells the listener as each starts and ends, and keeps the final ones. */
final class StepRecorder {
    private final Consumer<CheckStep> progress;
    private final List<CheckStep> finished = new ArrayList<>();
    private StepKind current;
    private long startedAt;

    StepRecorder(Consumer<CheckStep> progress) {
        this.progress = progress;
    }

    void start(StepKind kind) {
        current = kind;
        startedAt = System.nanoTime();
        progress.accept(new CheckStep(kind, StepStatus.RUNNING, kind.title() + "...", "", Duration.ZERO));
    }

    void finish(StepStatus status, String summary, String detail) {
        CheckStep step = new CheckStep(
                current,
                status,
                summary,
                detail == null ? "" : detail,
                Duration.ofNanos(System.nanoTime() - startedAt));
        finished.add(step);
        current = null;
        progress.accept(step);
    }

    /** Ends the running step, if any, as failed. */
    void failCurrent(String summary) {
        failCurrent(summary, "");
    }

    /** Ends the running step, if any, as failed, with detail lines. */
    void failCurrent(String summary, String detail) {
        if (current != null) {
            finish(StepStatus.FAILED, summary, detail);
        }
    }

    /** Marks every step not yet reported as skipped. */
    void skipRest() {
        for (StepKind kind : StepKind.values()) {
            if (finished.stream().noneMatch(s -> s.kind() == kind)) {
                CheckStep step = new CheckStep(kind, StepStatus.SKIPPED, "skipped", "", Duration.ZERO);
                finished.add(step);
                progress.accept(step);
            }
        }
    }

    boolean isRunning(StepKind kind) {
        return current == kind;
    }

    List<CheckStep> steps() {
        return List.copyOf(finished);
    }
}
