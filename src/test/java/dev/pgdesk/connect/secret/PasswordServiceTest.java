package dev.pgdesk.connect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.PgPassFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordServiceTest {
    @TempDir
    Path home;

    private final InMemoryKeyring keyring = new InMemoryKeyring();

    private PasswordService service(Map<String, String> environment) {
        PgEnvironment env = new PgEnvironment(environment, home);
        return new PasswordService(keyring, new PgPassFile(home.resolve(".pgpass")), env);
    }

    private static ConnectionProfile profile(PasswordStorage storage) {
        return ConnectionProfile.builder()
                .name("db")
                .host("db.example.com")
                .port(5432)
                .database("shop")
                .user("ann")
                .passwordStorage(storage)
                .build();
    }

    @Test
    void aKeyringPasswordIsStoredUnderTheProfileIdAndFoundAgain() throws Exception {
        ConnectionProfile profile = profile(PasswordStorage.KEYRING);
        PasswordService passwords = service(Map.of());

        passwords.save(profile, "s3cret");

        assertThat(keyring.entries).containsEntry("profile:" + profile.id(), "s3cret");
        assertThat(passwords.find(profile.toBuilder().name("renamed").build())).contains("s3cret");
        assertThat(home.resolve(".pgpass")).doesNotExist();
    }

    @Test
    void askEveryTimeStoresNothingAndRemovesAnEarlierKeyringEntry() throws Exception {
        ConnectionProfile profile = profile(PasswordStorage.KEYRING);
        PasswordService passwords = service(Map.of());
        passwords.save(profile, "old");

        ConnectionProfile asking = profile.toBuilder()
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        passwords.save(asking, "typed");

        assertThat(keyring.entries).isEmpty();
        assertThat(passwords.find(asking)).isEmpty();
    }

    @Test
    void thePgpassChoiceWritesAnOwnerOnlyEntryThatIsFoundAgain() throws Exception {
        ConnectionProfile profile = profile(PasswordStorage.PGPASS_FILE);
        PasswordService passwords = service(Map.of());

        passwords.save(profile, "pa:ss");

        Path pgpass = home.resolve(".pgpass");
        assertThat(Files.readString(pgpass)).contains("db.example.com:5432:shop:ann:");
        assertThat(Files.getPosixFilePermissions(pgpass))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(passwords.find(profile)).contains("pa:ss");
    }

    @Test
    void aClientKeyPasswordIsKeptInTheKeyringBesideThePasswordAndForgottenWithIt() throws Exception {
        ConnectionProfile profile = profile(PasswordStorage.KEYRING);
        PasswordService passwords = service(Map.of());

        passwords.save(profile, "login");
        passwords.saveKeyPassword(profile, "key");

        assertThat(passwords.findKeyPassword(profile)).contains("key");
        assertThat(passwords.find(profile)).contains("login");
        passwords.forget(profile);
        assertThat(keyring.entries).isEmpty();
    }

    @Test
    void withoutTheKeyringAClientKeyPasswordIsNeverStored() throws Exception {
        ConnectionProfile keyringProfile = profile(PasswordStorage.KEYRING);
        PasswordService passwords = service(Map.of());
        passwords.saveKeyPassword(keyringProfile, "key");

        ConnectionProfile pgpass = keyringProfile.toBuilder()
                .passwordStorage(PasswordStorage.PGPASS_FILE)
                .build();
        passwords.saveKeyPassword(pgpass, "key");

        assertThat(passwords.findKeyPassword(pgpass)).isEmpty();
        assertThat(keyring.entries).isEmpty();
        assertThat(home.resolve(".pgpass")).doesNotExist();
    }

    @Test
    void pgpasswordFromTheEnvironmentIsHonouredWhenNothingIsStored() {
        PasswordService passwords = service(Map.of("PGPASSWORD", "from-env"));

        assertThat(passwords.find(profile(PasswordStorage.ASK_EVERY_TIME))).contains("from-env");
    }

    @Test
    void withoutAKeyringSavingThereSaysWhatToChooseInstead() {
        PasswordService passwords = new PasswordService(
                new UnavailableSecretStore("no keyring service found"),
                new PgPassFile(home.resolve(".pgpass")),
                new PgEnvironment(Map.of(), home));

        assertThat(passwords.keyringAvailable()).isFalse();
        assertThat(passwords.keyringDescription()).contains("no keyring service found");
        assertThatThrownBy(() -> passwords.save(profile(PasswordStorage.KEYRING), "x"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("Ask every time");
    }

    /** A keyring that keeps entries in a map: the store's own contract, without an OS service. */
    private static final class InMemoryKeyring implements SecretStore {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public String description() {
            return "in memory";
        }

        @Override
        public Optional<String> read(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void write(String key, String secret) {
            entries.put(key, secret);
        }

        @Override
        public void delete(String key) {
            entries.remove(key);
        }
    }
}
