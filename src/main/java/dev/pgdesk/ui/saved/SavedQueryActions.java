package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedQuery;
import java.util.Optional;

/** What the saved queries tab asks of the window around it. */
public interface SavedQueryActions {

    /** Opens the query in a new editor with its parameters' defaults, running it when {@code run}. */
    void open(SavedQuery query, boolean run);

    /** Opens the edit dialog for the query. */
    void edit(SavedQuery query);

    /**
     * The {@code pgdesk run} command line that runs the query; empty (after telling the user why) when there
     * is no connection to name in it.
     */
    Optional<String> commandLine(SavedQuery query);
}
