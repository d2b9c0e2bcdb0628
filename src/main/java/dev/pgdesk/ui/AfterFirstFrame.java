package dev.pgdesk.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs an action on the FX thread once the window just shown has its first frame on screen: for start-up work
 * the first frame need not wait for, and should not compete with for the CPU.
 */
final class AfterFirstFrame extends AnimationTimer {
    private final Runnable action;
    private int pulses;

    private AfterFirstFrame(Runnable action) {
        this.action = action;
    }

    /** Call right after showing the window. */
    static void run(Runnable action) {
        new AfterFirstFrame(action).start();
    }

    @Override
    public void handle(long now) {
        // The first pulse lays out and renders the first frame; the next one comes once that frame is done.
        if (++pulses < 2) {
            return;
        }
        stop();
        // Queued to run after this pulse, not inside it, so that the pulse itself stays short.
        Platform.runLater(action);
    }
}
