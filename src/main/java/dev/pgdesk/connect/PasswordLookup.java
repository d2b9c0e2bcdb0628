package dev.pgdesk.connect;

import java.util.Optional;

/** Finds the stored password of a saved profile (in the keyring); empty when none is stored. */
@FunctionalInterface
public interface PasswordLookup {
    Optional<String> find(ConnectionProfile profile);

    PasswordLookup NONE = profile -> Optional.empty();
}
