package dev.pgdesk.connect.secret;

import java.util.Optional;

/** Stands in when no keyring answered: it holds nothing and refuses to store, saying why. */
public final class UnavailableSecretStore implements SecretStore {
    private final String reason;

    /** @param reason why there is no keyring, for example {@code no keyring service found} */
    public UnavailableSecretStore(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public String description() {
        return "no keyring: " + reason;
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.empty();
    }

    @Override
    public void write(String key, String secret) throws SecretStoreException {
        throw new SecretStoreException(
                "No keyring is available (" + reason + "). Choose 'Ask every time' or the ~/.pgpass file instead.",
                null);
    }

    @Override
    public void delete(String key) {
        // Nothing is stored, so nothing to delete.
    }
}
