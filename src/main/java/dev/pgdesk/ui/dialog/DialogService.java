package dev.pgdesk.ui.dialog;

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

    /** Asks for a password; empty when the user cancelled. */
    Optional<String> askPassword(String title, String prompt);
}
