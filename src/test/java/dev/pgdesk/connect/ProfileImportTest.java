package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileImportTest {
    private static final PgEnvironment NO_ENV = new PgEnvironment(Map.of(), Path.of("/home/alice"));

    private static ImportedProfile importOf(String connInfo, PgEnvironment env) throws ConnInfoException {
        return ProfileImport.fromConnInfo(ConnInfoParser.parse(connInfo), env);
    }

    @Test
    void mapsEverySupportedKeyword() throws ConnInfoException {
        ImportedProfile imported = importOf(
                "host=db.example.com port=6543 dbname=sales user=alice password='s3 cret' sslmode=verify-full"
                        + " sslrootcert=/etc/ca.crt sslcert=/c.crt sslkey=/c.key connect_timeout=7"
                        + " application_name=report",
                NO_ENV);

        ConnectionProfile profile = imported.profile();
        assertThat(profile.host()).isEqualTo("db.example.com");
        assertThat(profile.port()).isEqualTo(6543);
        assertThat(profile.database()).isEqualTo("sales");
        assertThat(profile.user()).isEqualTo("alice");
        assertThat(profile.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(profile.sslRootCert()).isEqualTo(Path.of("/etc/ca.crt"));
        assertThat(profile.sslCert()).isEqualTo(Path.of("/c.crt"));
        assertThat(profile.sslKey()).isEqualTo(Path.of("/c.key"));
        assertThat(profile.connectTimeoutSeconds()).isEqualTo(7);
        assertThat(profile.applicationName()).isEqualTo("report");
        assertThat(imported.password()).contains("s3 cret");
        assertThat(imported.ignored()).isEmpty();
    }

    @Test
    void suggestsANameFromUserHostAndDatabase() throws ConnInfoException {
        assertThat(importOf("postgresql://bob@pg.internal/orders", NO_ENV)
                        .profile()
                        .name())
                .isEqualTo("bob@pg.internal/orders");
    }

    @Test
    void gapsAreFilledFromTheEnvironment() throws ConnInfoException {
        PgEnvironment env = new PgEnvironment(
                Map.of(
                        "PGHOST", "envhost",
                        "PGPORT", "5999",
                        "PGDATABASE", "envdb",
                        "PGUSER", "envuser",
                        "PGSSLMODE", "require",
                        "PGSSLROOTCERT", "/env/root.crt",
                        "PGCONNECT_TIMEOUT", "3",
                        "PGAPPNAME", "envapp"),
                Path.of("/home/alice"));

        ConnectionProfile profile = importOf("user=argUser", env).profile();

        assertThat(profile.user()).isEqualTo("argUser");
        assertThat(profile.host()).isEqualTo("envhost");
        assertThat(profile.port()).isEqualTo(5999);
        assertThat(profile.database()).isEqualTo("envdb");
        assertThat(profile.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(profile.sslRootCert()).isEqualTo(Path.of("/env/root.crt"));
        assertThat(profile.connectTimeoutSeconds()).isEqualTo(3);
        assertThat(profile.applicationName()).isEqualTo("envapp");
    }

    @Test
    void libpqDefaultsApplyWhenNothingIsGiven() throws ConnInfoException {
        ImportedProfile imported = importOf("postgresql://", NO_ENV);

        ConnectionProfile profile = imported.profile();
        String osUser = System.getProperty("user.name");
        assertThat(profile.host()).isEqualTo("localhost");
        assertThat(profile.port()).isEqualTo(5432);
        assertThat(profile.user()).isEqualTo(osUser);
        assertThat(profile.database()).isEqualTo(osUser);
        assertThat(profile.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(imported.password()).isEmpty();
    }

    @Test
    void onlyTheFirstOfSeveralHostsIsUsedAndTheRestAreReported() throws ConnInfoException {
        ImportedProfile imported = importOf("postgresql://host1:123,host2:456/somedb", NO_ENV);

        assertThat(imported.profile().host()).isEqualTo("host1");
        assertThat(imported.profile().port()).isEqualTo(123);
        assertThat(imported.ignored())
                .anySatisfy(line -> assertThat(line).startsWith("host:").contains("host2"))
                .anySatisfy(line -> assertThat(line).startsWith("port:"));
    }

    @Test
    void unixSocketHostBecomesLocalhostWithAReason() throws ConnInfoException {
        ImportedProfile imported = importOf("postgresql:///dbname?host=/var/lib/postgresql", NO_ENV);

        assertThat(imported.profile().host()).isEqualTo("localhost");
        assertThat(imported.ignored())
                .singleElement()
                .asString()
                .contains("/var/lib/postgresql")
                .contains("Unix-domain socket");
    }

    @Test
    void everyOtherKeywordIsIgnoredWithAReason() throws ConnInfoException {
        ImportedProfile imported = importOf(
                "host=h options='-c geqo=off' sslpassword=hunter2 service=prod target_session_attrs=any", NO_ENV);

        assertThat(imported.profile().options()).isEqualTo("-c geqo=off");
        assertThat(imported.ignored())
                .containsExactly(
                        "sslpassword: encrypted client keys are not supported yet, ignored",
                        "service: service files (pg_service.conf) are not read, ignored",
                        "target_session_attrs: pgdesk connects to a single host, ignored");
        assertThat(String.join("\n", imported.ignored())).doesNotContain("hunter2");
    }

    @Test
    void hostaddrIsUsedWhenNoHostIsGiven() throws ConnInfoException {
        assertThat(importOf("hostaddr=10.0.0.5", NO_ENV).profile().host()).isEqualTo("10.0.0.5");
    }

    @Test
    void invalidEnvironmentValuesAreReportedAndDefaultsUsed() throws ConnInfoException {
        PgEnvironment env = new PgEnvironment(Map.of("PGPORT", "abc", "PGSSLMODE", "maybe"), Path.of("/home/alice"));

        ImportedProfile imported = importOf("", env);

        assertThat(imported.profile().port()).isEqualTo(5432);
        assertThat(imported.profile().sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(imported.ignored()).hasSize(2);
    }

    @Test
    void sourcesSayWhereEachSettingCameFrom() throws ConnInfoException {
        PgEnvironment env = new PgEnvironment(Map.of("PGPORT", "5999"), Path.of("/home/alice"));

        ProfileImport.Result result = ProfileImport.resolve(ConnInfoParser.parse("postgresql://h"), env);

        assertThat(result.sources())
                .containsEntry("host", SettingSource.ARGUMENT)
                .containsEntry("port", SettingSource.ENVIRONMENT)
                .containsEntry("user", SettingSource.DEFAULT)
                .containsEntry("dbname", SettingSource.DEFAULT)
                .containsEntry("sslmode", SettingSource.DEFAULT)
                .containsKeys("sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name");
    }

    @Test
    void serverOptionsComeFromTheArgumentElsePgoptions() throws ConnInfoException {
        PgEnvironment env = new PgEnvironment(Map.of("PGOPTIONS", "-c statement_timeout=1s"), Path.of("/home/alice"));

        assertThat(importOf("host=h", env).profile().options()).isEqualTo("-c statement_timeout=1s");
        assertThat(importOf("host=h options='-c geqo=off'", env).profile().options())
                .isEqualTo("-c geqo=off");
        assertThat(importOf("host=h", NO_ENV).profile().options()).isEmpty();
    }
}
