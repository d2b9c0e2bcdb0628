package dev.pgdesk.connect;

import java.util.Collection;
import java.util.List;

/** Checks a profile before it is saved or tried; each problem names its field and how to fix it. */
public final class ProfileValidator {
    private ProfileValidator() {}

    /**
     * @param others the other saved profiles (for duplicate names); the profile's own id is ignored
     */
    public static List<FieldError> validate(ConnectionProfile profile, Collection<ConnectionProfile> others) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
