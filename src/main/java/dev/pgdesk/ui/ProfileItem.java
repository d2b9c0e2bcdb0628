package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;

/** An entry of the connections sidebar: a profile, and whether it is the unsaved sample database. */
public record ProfileItem(ConnectionProfile profile, boolean sample) {

    public String id() {
        return profile.id();
    }

    public String name() {
        return profile.name().isBlank() ? profile.displayTarget() : profile.name();
    }
}
