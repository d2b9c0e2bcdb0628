package dev.pgdesk.ui;

import dev.pgdesk.ui.dialog.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers dialogs as a test tells it to and remembers what was shown. */
public final class RecordingDialogService implements DialogService {
    /** One shown message: its title and text. */
    public record Shown(String title, String message) {}

    public final List<Shown> errors = new CopyOnWriteArrayList<>();
    public final List<Shown> infos = new CopyOnWriteArrayList<>();
    public final List<String> passwordPrompts = new CopyOnWriteArrayList<>();
    public volatile boolean confirmAnswer = true;
    public volatile Optional<String> passwordAnswer = Optional.empty();
    /** Questions asked with {@link #choose}: title and message. */
    public final List<Shown> choices = new CopyOnWriteArrayList<>();
    /** The answer to {@link #choose}; empty is Cancel. */
    public volatile Optional<String> choiceAnswer = Optional.empty();
    /** Answers to {@link #choose} taken in order before falling back to {@link #choiceAnswer}. */
    public final java.util.Queue<String> choiceAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public volatile Optional<Path> fileAnswer = Optional.empty();

    @Override
    public void showError(String title, String message) {
        errors.add(new Shown(title, message));
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(new Shown(title, message));
    }

    @Override
    public boolean confirm(String title, String message, String confirmButton) {
        return confirmAnswer;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> options) {
        choices.add(new Shown(title, message));
        String next = choiceAnswers.poll();
        return next != null ? Optional.of(next) : choiceAnswer;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return fileAnswer;
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return fileAnswer;
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        return fileAnswer;
    }

    @Override
    public Optional<String> askPassword(String title, String prompt) {
        passwordPrompts.add(prompt);
        return passwordAnswer;
    }
}
