package dev.pgdesk.ui.monitor;

import dev.pgdesk.ui.RecordingDialogService;
import dev.pgdesk.ui.dialog.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RecordingDialogService} that also remembers the confirmations asked, to check what they name. */
final class ConfirmRecorder implements DialogService {
    final RecordingDialogService answers;
    final List<RecordingDialogService.Shown> confirmations = new CopyOnWriteArrayList<>();

    ConfirmRecorder(RecordingDialogService answers) {
        this.answers = answers;
    }

    @Override
    public boolean confirm(String title, String message, String confirmButton) {
        confirmations.add(new RecordingDialogService.Shown(title, message));
        return answers.confirm(title, message, confirmButton);
    }

    @Override
    public void showError(String title, String message) {
        answers.showError(title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        answers.showInfo(title, message);
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        return answers.choose(title, message, choices);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return answers.chooseFileToOpen(title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return answers.chooseFileToSave(title, suggestedName);
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        return answers.chooseExportFile(title, suggestedName);
    }

    @Override
    public Optional<String> askPassword(String title, String prompt) {
        return answers.askPassword(title, prompt);
    }
}
