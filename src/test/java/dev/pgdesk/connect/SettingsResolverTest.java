package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    @TempDir
    Path home;

    private final Map<String, String> variables = new HashMap<>();

    private static final ConnectionProfile PROD = ConnectionProfile.builder()
            .name("Prod")
            .host("prod.example.com")
            .port(6432)
            .database("sales")
            .user("alice")
            .passwordStorage(PasswordStorage.KEYRING)
            .build();
    private static final ConnectionProfile STAGING = ConnectionProfile.builder()
            .name("staging")
            .host("staging.example.com")
            .build();

    private PgEnvironment env() {
        return new PgEnvironment(variables, home);
    }

    private SettingsResolver resolver(PasswordLookup lookup) {
        return new SettingsResolver(List.of(PROD, STAGING), env(), lookup);
    }

    private void writePgpass(String content) throws IOException {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, content);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void uriSettingsComeFromTheArgumentAndTheRestFromEnvironmentAndDefaults() throws ConnInfoException {
        variables.put("PGPORT", "5999");

        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("postgresql://bob@db.example.com/orders");

        assertThat(settings.profile().host()).isEqualTo("db.example.com");
        assertThat(settings.profile().port()).isEqualTo(5999);
        assertThat(settings.source("host")).isEqualTo(SettingSource.ARGUMENT);
        assertThat(settings.source("user")).isEqualTo(SettingSource.ARGUMENT);
        assertThat(settings.source("dbname")).isEqualTo(SettingSource.ARGUMENT);
        assertThat(settings.source("port")).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(settings.source("sslmode")).isEqualTo(SettingSource.DEFAULT);
        assertThat(settings.sources()).containsOnlyKeys(ResolvedSettings.KEYWORDS);
        assertThat(settings.fromSavedProfile()).isFalse();
    }

    @Test
    void keyValueStringsAreResolvedToo() throws ConnInfoException {
        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("host=kv.example.com sslmode=require");

        assertThat(settings.profile().host()).isEqualTo("kv.example.com");
        assertThat(settings.profile().sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(settings.source("sslmode")).isEqualTo(SettingSource.ARGUMENT);
    }

    @Test
    void savedProfileIsFoundCaseInsensitivelyAndEverySettingComesFromIt() throws ConnInfoException {
        variables.put("PGHOST", "ignored.example.com");

        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("prod");

        assertThat(settings.profile()).isEqualTo(PROD);
        assertThat(settings.fromSavedProfile()).isTrue();
        assertThat(settings.sources())
                .containsEntry("host", SettingSource.PROFILE)
                .containsEntry("application_name", SettingSource.PROFILE);
    }

    @Test
    void unknownProfileNameListsTheSavedOnes() {
        assertThatThrownBy(() -> resolver(PasswordLookup.NONE).resolve("qa"))
                .isInstanceOf(ConnInfoException.class)
                .hasMessage("no saved profile named \"qa\" (saved profiles: Prod, staging)");
    }

    @Test
    void unknownProfileNameWithNoneSavedSaysSo() {
        SettingsResolver resolver = new SettingsResolver(List.of(), env(), PasswordLookup.NONE);

        assertThatThrownBy(() -> resolver.resolve("qa"))
                .isInstanceOf(ConnInfoException.class)
                .hasMessageContaining("no profiles are saved yet");
    }

    @Test
    void malformedConnectionStringIsRejectedWithTheParserReason() {
        assertThatThrownBy(() -> resolver(PasswordLookup.NONE).resolve("postgresql://h:54a/db"))
                .hasMessage("invalid port number: \"54a\"");
    }

    @Test
    void connectionStringsNeverLoadTheSavedProfiles() throws ConnInfoException {
        AtomicBoolean loaded = new AtomicBoolean();
        SettingsResolver resolver = new SettingsResolver(
                () -> {
                    loaded.set(true);
                    return List.of();
                },
                env(),
                PasswordLookup.NONE);

        resolver.resolve("postgresql://h/db");

        assertThat(loaded).isFalse();
    }

    @Test
    void passwordFromTheUriComesFirst() throws Exception {
        variables.put("PGPASSWORD", "from-env");
        writePgpass("*:*:*:*:from-pgpass\n");

        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("postgresql://u:from-uri@h/db");

        assertThat(settings.password()).contains("from-uri");
        assertThat(settings.source("password")).isEqualTo(SettingSource.ARGUMENT);
    }

    @Test
    void pgpasswordComesBeforeTheKeyring() throws ConnInfoException {
        variables.put("PGPASSWORD", "from-env");

        ResolvedSettings settings = resolver(p -> Optional.of("from-keyring")).resolve("Prod");

        assertThat(settings.password()).contains("from-env");
        assertThat(settings.source("password")).isEqualTo(SettingSource.ENVIRONMENT);
    }

    @Test
    void keyringIsAskedForSavedProfiles() throws Exception {
        writePgpass("*:*:*:*:from-pgpass\n");

        ResolvedSettings settings = resolver(
                        p -> p.id().equals(PROD.id()) ? Optional.of("from-keyring") : Optional.empty())
                .resolve("Prod");

        assertThat(settings.password()).contains("from-keyring");
        assertThat(settings.source("password")).isEqualTo(SettingSource.KEYRING);
    }

    @Test
    void keyringIsNotAskedForConnectionStrings() throws ConnInfoException {
        ResolvedSettings settings = resolver(p -> Optional.of("from-keyring")).resolve("host=h");

        assertThat(settings.password()).isEmpty();
    }

    @Test
    void passwordFileIsTheLastResortAndMatchesTheResolvedSettings() throws Exception {
        variables.put("PGPASSFILE", home.resolve("custom-pgpass").toString());
        Path file = Files.writeString(home.resolve("custom-pgpass"), "prod.example.com:6432:sales:alice:from-pgpass\n");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("Prod");

        assertThat(settings.password()).contains("from-pgpass");
        assertThat(settings.source("password")).isEqualTo(SettingSource.PGPASS);
    }

    @Test
    void noPasswordAnywhereIsReportedAsNone() throws ConnInfoException {
        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("postgresql://h/db");

        assertThat(settings.password()).isEmpty();
        assertThat(settings.source("password")).isEqualTo(SettingSource.NONE);
    }

    @Test
    void aFailingKeyringBecomesANoteNotAnError() throws ConnInfoException {
        ResolvedSettings settings = resolver(p -> {
                    throw new IllegalStateException("keyring locked");
                })
                .resolve("Prod");

        assertThat(settings.password()).isEmpty();
        assertThat(settings.notes()).singleElement().asString().contains("keyring locked");
    }

    @Test
    void ignoredKeywordsAreReportedAsNotes() throws ConnInfoException {
        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("host=h service=prod");

        assertThat(settings.notes()).containsExactly("service: service files (pg_service.conf) are not read, ignored");
    }

    @Test
    void serverOptionsAreTakenOverWithTheirSource() throws ConnInfoException {
        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("host=h options='-c geqo=off'");

        assertThat(settings.profile().options()).isEqualTo("-c geqo=off");
        assertThat(settings.source("options")).isEqualTo(SettingSource.ARGUMENT);
        assertThat(settings.notes()).isEmpty();
    }

    @Test
    void toStringNeverShowsThePassword() throws ConnInfoException {
        ResolvedSettings settings = resolver(PasswordLookup.NONE).resolve("postgresql://u:hunter2@h/db");

        assertThat(settings.toString()).doesNotContain("hunter2");
    }
}
