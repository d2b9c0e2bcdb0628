package dev.pgdesk.ui.schema;

/**
 * What the navigator asks of the window around it: editors and tabs belong to the main window, so the
 * navigator hands them SQL rather than creating them.
 */
public interface NavigatorActions {

    /** Opens {@code sql} in a new editor on the profile and runs it at once (Open Data). */
    void openAndRun(String profileId, String sql);

    /** Opens {@code sql} in a new editor on the profile, its {@code $n} in the parameter panel. */
    void openInEditor(String profileId, String sql);

    /** Shows an object's DDL in a tab titled {@code "DDL — " + name}. */
    void showDdl(String profileId, String name, String ddl);

    /** Puts {@code text} on the clipboard. */
    void copy(String text);

    /**
     * The user asked to read the profile's objects again, perhaps after another client changed them: the
     * completion catalog should be read again too.
     */
    void catalogReread(String profileId);
}
