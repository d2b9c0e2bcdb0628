package dev.pgdesk.ui.monitor;

/** The monitor's sub-tabs; heavier reads happen only for the one on screen. */
public enum MonitorSection {
    ACTIVITY,
    BLOCKING,
    CONNECTIONS,
    SLOW_QUERIES,
    DATABASE
}
