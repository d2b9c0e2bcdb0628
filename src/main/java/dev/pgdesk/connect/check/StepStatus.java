package dev.pgdesk.connect.check;

/** How a step of a connection test went. */
public enum StepStatus {
    RUNNING,
    OK,
    WARNING,
    FAILED,
    SKIPPED
}
