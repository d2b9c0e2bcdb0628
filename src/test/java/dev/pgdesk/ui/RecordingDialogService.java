package dev.pgdesk.ui;

import dev.pgdesk.ui.dialog.DialogService;
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
    public Optional<String> askPassword(String title, String prompt) {
        passwordPrompts.add(prompt);
        return passwordAnswer;
    }
}
