package dev.pgdesk.pool;

/** A snapshot of one profile's pool, as the status bar shows it. */
public record PoolStats(int active, int idle, int waiting, int maximum) {}
