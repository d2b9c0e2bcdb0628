package dev.pgdesk.connect;

import java.util.List;
import java.util.Optional;

/**
 * A profile built from a connection string, the password it carried (if any), and the keywords that
 * pgdesk did not take over, each with a short reason, to show the user.
 */
public record ImportedProfile(ConnectionProfile profile, Optional<String> password, List<String> ignored) {}
