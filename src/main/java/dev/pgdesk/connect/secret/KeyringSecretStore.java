package dev.pgdesk.connect.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keyring through java-keyring: Secret Service (GNOME Keyring, KWallet) on Linux,
 * the Keychain on macOS, the Credential Manager on Windows. Every call runs on a daemon thread with a
 * time limit, because a missing or locked Secret Service daemon can otherwise block forever.
 */
public final class KeyringSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private static final String SERVICE = "pgdesk";
    /** Long enough for a user to answer an unlock prompt, short enough not to hang a task forever. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);

    private final Keyring keyring;
    private final ExecutorService worker;

    private KeyringSecretStore(Keyring keyring, ExecutorService worker) {
        this.keyring = keyring;
        this.worker = worker;
    }

    /**
     * Opens the keyring, or answers an unavailable store when none responds within {@code timeout}. Blocks
     * up to {@code timeout}: never call it on the UI thread.
     */
    public static SecretStore probe(Duration timeout) {
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pgdesk-keyring");
            thread.setDaemon(true);
            return thread;
        });
        Future<Keyring> opening = worker.submit((Callable<Keyring>) Keyring::create);
        try {
            Keyring keyring = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Keyring available: {}", keyring.getKeyringStorageType());
            return new KeyringSecretStore(keyring, worker);
        } catch (TimeoutException e) {
            opening.cancel(true);
            worker.shutdownNow();
            return new UnavailableSecretStore("the keyring did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            worker.shutdownNow();
            Throwable cause = e.getCause();
            String reason = cause instanceof BackendNotSupportedException
                    ? "no keyring service found"
                    : "the keyring could not be opened (" + cause.getMessage() + ")";
            LOG.info("Keyring unavailable: {}", reason, cause);
            return new UnavailableSecretStore(reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
            return new UnavailableSecretStore("interrupted while looking for the keyring");
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String description() {
        return switch (keyring.getKeyringStorageType()) {
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        };
    }

    @Override
    public Optional<String> read(String key) {
        try {
            return Optional.ofNullable(call(() -> keyring.getPassword(SERVICE, key)));
        } catch (SecretStoreException e) {
            // A missing entry is reported as an access failure by several backends.
            LOG.debug("No keyring entry for {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, String secret) throws SecretStoreException {
        call(() -> {
            keyring.setPassword(SERVICE, key, secret);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        try {
            call(() -> {
                keyring.deletePassword(SERVICE, key);
                return null;
            });
        } catch (SecretStoreException e) {
            LOG.debug("Nothing deleted from the keyring for {}: {}", key, e.getMessage());
        }
    }

    private <T> T call(Callable<T> operation) throws SecretStoreException {
        Future<T> result = worker.submit(operation);
        try {
            return result.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new SecretStoreException("The keyring did not answer in time (is it locked?)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof PasswordAccessException ? cause.getMessage() : String.valueOf(cause);
            throw new SecretStoreException("The keyring refused the request: " + detail, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Interrupted while waiting for the keyring", e);
        }
    }
}
