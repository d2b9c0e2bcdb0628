package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;

/** A running sample database: how to reach it, and how to stop it when the app exits. */
public interface SampleServer extends AutoCloseable {
    ConnectionProfile profile();

    /** Kept in memory only; the sample profile is never saved. */
    String password();

    @Override
    void close();
}
