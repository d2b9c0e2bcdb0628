package dev.pgdesk.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one way view models talk to the user through modal dialogs, so that tests can answer instead of a
 * person.
 */
public interface DialogService {

    /** Something went wrong; {@code message} says what and what to do, in plain words. */
    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks a yes/no question; true when the user agreed. */
    boolean confirm(String title, String message, String confirmButton);

    /**
     * Asks the user to pick one of {@code choices} (button labels, the first is the default); empty when
     * they cancelled, which is always offered as well.
     */
    Optional<String> choose(String title, String message, List<String> choices);

    /** Asks for a SQL file to open; empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title);

    /** Asks where to save a SQL file, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, String suggestedName);

    /** Asks where to export a result (JSON, JSON Lines or CSV), suggesting {@code suggestedName}. */
    Optional<Path> chooseExportFile(String title, String suggestedName);

    /** Asks for a password; empty when the user cancelled. */
    Optional<String> askPassword(String title, String prompt);
}
