package dev.pgdesk.localdb;

import dev.pgdesk.connect.ConnectionProfile;
import java.util.Objects;

/**
 * How to reach a running sample server: its profile (not saved; SSL disabled on loopback) and the superuser
 * password from the sample directory.
 */
public record SampleEndpoint(ConnectionProfile profile, String password) {
    public SampleEndpoint {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(password, "password");
    }
}
