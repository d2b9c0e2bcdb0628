package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PooledSession;

/** A connected profile and its shared session; tabs of that profile work through the session. */
public record OpenConnection(ConnectionProfile profile, PooledSession session) {}
