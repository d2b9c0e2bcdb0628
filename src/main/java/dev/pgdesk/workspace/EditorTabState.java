package dev.pgdesk.workspace;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything needed to bring an SQL editor tab back after a restart or a crash.
 *
 * @param id a UUID string that names the tab and its autosave file
 * @param profileId the connection profile the tab runs against, or null for a tab not bound to one
 * @param title what the tab header shows: the file name, or a name like "Query 1"
 * @param file the {@code .sql} file the tab was opened from or saved to, or null if it never was
 * @param text the editor's text
 * @param modified whether the text differs from {@code file} (always true for a tab with text that was
 *     never saved; an empty new tab is not modified, so closing it asks nothing)
 * @param timeoutSeconds the statement timeout for this tab; 0 means none
 * @param caret the caret position, 0 to {@code text.length()}
 * @param order the tab's position among the tabs, from 0
 */
public record EditorTabState(
        String id,
        String profileId,
        String title,
        Path file,
        String text,
        boolean modified,
        int timeoutSeconds,
        int caret,
        int order) {

    /** The statement timeout a new tab starts with. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public EditorTabState {
        Objects.requireNonNull(id, "A tab needs an id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A tab id must be a UUID, not \"" + id + "\"", e);
        }
        if (profileId != null && profileId.isBlank()) {
            throw new IllegalArgumentException("A tab's profile id is either null (no connection) or not blank");
        }
        Objects.requireNonNull(title, "A tab needs a title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A tab's title must not be blank");
        }
        Objects.requireNonNull(text, "A tab's text must not be null; use \"\" for an empty tab");
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException(
                    "A statement timeout is 0 (none) or a number of seconds, not " + timeoutSeconds);
        }
        if (caret < 0 || caret > text.length()) {
            throw new IllegalArgumentException(
                    "The caret position " + caret + " is outside the text (0 to " + text.length() + ")");
        }
        if (order < 0) {
            throw new IllegalArgumentException("A tab's order must be 0 or more, not " + order);
        }
    }

    /** An empty tab with a fresh id, the default timeout and no file. */
    public static EditorTabState newTab(String profileId, String title, int order) {
        return new EditorTabState(
                UUID.randomUUID().toString(), profileId, title, null, "", false, DEFAULT_TIMEOUT_SECONDS, 0, order);
    }

    /** A tab showing the content of {@code file}, just read from it, titled with the file's name. */
    public static EditorTabState openedFile(String profileId, Path file, String text, int order) {
        Objects.requireNonNull(file, "An opened file needs its path");
        return new EditorTabState(
                UUID.randomUUID().toString(),
                profileId,
                file.getFileName().toString(),
                file,
                text,
                false,
                DEFAULT_TIMEOUT_SECONDS,
                0,
                order);
    }

    /** The same tab after the user edited it: marked modified; the caret is kept inside the new text. */
    public EditorTabState withText(String newText) {
        Objects.requireNonNull(newText, "A tab's text must not be null");
        return new EditorTabState(
                id, profileId, title, file, newText, true, timeoutSeconds, Math.min(caret, newText.length()), order);
    }

    /** The same tab after an edit that also moved the caret. */
    public EditorTabState withText(String newText, int newCaret) {
        return withText(newText).withCaret(newCaret);
    }

    public EditorTabState withCaret(int newCaret) {
        return new EditorTabState(id, profileId, title, file, text, modified, timeoutSeconds, newCaret, order);
    }

    /** The same tab right after its text was saved to (or read from) {@code newFile}: not modified. */
    public EditorTabState withFile(Path newFile, String newTitle) {
        Objects.requireNonNull(newFile, "A saved tab needs the file it was saved to");
        return new EditorTabState(id, profileId, newTitle, newFile, text, false, timeoutSeconds, caret, order);
    }

    /** The same tab bound to another connection, or to none with null. */
    public EditorTabState withProfile(String newProfileId) {
        return new EditorTabState(id, newProfileId, title, file, text, modified, timeoutSeconds, caret, order);
    }

    public EditorTabState withTitle(String newTitle) {
        return new EditorTabState(id, profileId, newTitle, file, text, modified, timeoutSeconds, caret, order);
    }

    public EditorTabState withTimeoutSeconds(int newTimeoutSeconds) {
        return new EditorTabState(id, profileId, title, file, text, modified, newTimeoutSeconds, caret, order);
    }

    public EditorTabState withOrder(int newOrder) {
        return new EditorTabState(id, profileId, title, file, text, modified, timeoutSeconds, caret, newOrder);
    }
}
