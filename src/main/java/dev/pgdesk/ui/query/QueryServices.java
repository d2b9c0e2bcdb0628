package dev.pgdesk.ui.query;

import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import dev.pgdesk.workspace.Autosaver;

/** What every query tab works with; one instance for the whole window. */
public record QueryServices(
        TaskRunner tasks,
        DialogService dialogs,
        HistoryStore history,
        ParameterMemory parameterMemory,
        Autosaver autosaver) {}
