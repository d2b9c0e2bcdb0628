package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config/profiles.json");
    }

    private ProfileStore store() {
        return new ProfileStore(file(), FIXED);
    }

    private static ConnectionProfile full() {
        return ConnectionProfile.builder()
                .id("0d5c7c8e-4bb5-4b0e-9a53-3f1f4a1c2b7e")
                .name("Production")
                .host("db.example.com")
                .port(6543)
                .database("sales")
                .user("alice")
                .sslMode(SslMode.VERIFY_FULL)
                .sslRootCert(Path.of("/etc/ssl/root.crt"))
                .sslCert(Path.of("/home/alice/client.crt"))
                .sslKey(Path.of("/home/alice/client.key"))
                .connectTimeoutSeconds(20)
                .applicationName("reports")
                .options("-c statement_timeout=5min")
                .readOnly(true)
                .passwordStorage(PasswordStorage.KEYRING)
                .build();
    }

    private List<Path> filesBesideTheStore() throws IOException {
        try (Stream<Path> files = Files.list(file().getParent())) {
            return files.sorted().toList();
        }
    }

    @Test
    void missingFileMeansNoProfilesAndNoProblem() {
        ProfileStore.LoadResult result = store().load();

        assertThat(result.profiles()).isEmpty();
        assertThat(result.problem()).isEmpty();
    }

    @Test
    void savedProfilesLoadBackWithEveryField() throws IOException {
        ConnectionProfile minimal = ConnectionProfile.builder().name("local").build();

        store().save(List.of(full(), minimal));

        assertThat(store().load().profiles()).containsExactly(full(), minimal);
    }

    @Test
    void fileHasTheDocumentedShape() throws IOException {
        store().save(List.of(full()));

        JsonNode root = new ObjectMapper().readTree(file().toFile());
        assertThat(root.get("formatVersion").intValue()).isEqualTo(1);
        JsonNode profile = root.get("profiles").get(0);
        assertThat(profile.get("sslMode").textValue()).isEqualTo("verify-full");
        assertThat(profile.get("passwordStorage").textValue()).isEqualTo("keyring");
        assertThat(profile.get("sslRootCert").textValue()).isEqualTo("/etc/ssl/root.crt");
        assertThat(profile.get("readOnly").booleanValue()).isTrue();
    }

    @Test
    void unsetPathsAreWrittenAsNull() throws IOException {
        store().save(List.of(ConnectionProfile.builder().name("x").build()));

        JsonNode profile =
                new ObjectMapper().readTree(file().toFile()).get("profiles").get(0);
        assertThat(profile.get("sslRootCert").isNull()).isTrue();
    }

    @Test
    void noPasswordIsEverWrittenToTheFile() throws Exception {
        ConnectionProfile profile = full();
        ImportedProfile imported = ProfileImport.fromConnInfo(
                ConnInfoParser.parse("postgresql://alice:Sup3rSecret@db/sales"),
                new PgEnvironment(java.util.Map.of(), dir));

        store().save(List.of(profile, imported.profile()));

        String text = Files.readString(file());
        assertThat(text).doesNotContain("Sup3rSecret");
        JsonNode profiles = new ObjectMapper().readTree(text).get("profiles");
        for (JsonNode node : profiles) {
            assertThat(node.has("password")).isFalse();
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"formatVersion":1,"futureSetting":true,
                 "profiles":[{"id":"a1","name":"new","host":"h","colour":"blue"}]}
                """);

        ProfileStore.LoadResult result = store().load();

        assertThat(result.problem()).isEmpty();
        assertThat(result.profiles()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("a1");
            assertThat(p.host()).isEqualTo("h");
            assertThat(p.port()).isEqualTo(5432);
        });
    }

    @Test
    void corruptFileIsLeftAloneByReadingAndMovedAsideBySavingWithNothingElseLost() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\":1,\"profiles\":[ this is not json");
        Path other = Files.writeString(file().resolveSibling("other.txt"), "keep me");
        ProfileStore store = store();

        ProfileStore.LoadResult result = store.load();

        Path aside = file().resolveSibling("profiles.json.unreadable-20260304-050607");
        assertThat(result.profiles()).isEmpty();
        assertThat(result.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("is not valid JSON")
                        .contains("leaves it as it is")
                        .contains("profiles.json.unreadable-<date>"));
        assertThat(filesBesideTheStore()).containsExactly(other, file());

        store.save(List.of(full()));

        assertThat(aside).hasContent("{\"formatVersion\":1,\"profiles\":[ this is not json");
        assertThat(other).hasContent("keep me");
        assertThat(filesBesideTheStore()).containsExactly(other, file(), aside);
        assertThat(store().load().profiles()).containsExactly(full());
    }

    @Test
    void aFileMovedAsideNeverOverwritesAnEarlierOne() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "first");
        store().save(List.of(full()));
        Files.writeString(file(), "second");

        store().save(List.of(full()));

        Path earlier = file().resolveSibling("profiles.json.unreadable-20260304-050607");
        Path later = file().resolveSibling("profiles.json.unreadable-20260304-050607-2");
        assertThat(earlier).hasContent("first");
        assertThat(later).hasContent("second");
    }

    @Test
    void aFileOfANewerFormatIsReadAsFarAsUnderstoodAndNeverWritten() throws IOException {
        Files.createDirectories(file().getParent());
        String content = """
                {"formatVersion":2,"profiles":[
                  {"id":"1","name":"good","host":"a","colour":"blue"},
                  {"id":"2","name":"broken","sslMode":"quantum"}
                ]}
                """;
        Files.writeString(file(), content);
        ProfileStore store = store();

        ProfileStore.LoadResult result = store.load();

        assertThat(result.newerFile()).isTrue();
        assertThat(result.profiles()).extracting(ConnectionProfile::name).containsExactly("good");
        assertThat(result.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("newer version of pgdesk (format version 2; this version reads 1)")
                        .contains("\"broken\" was skipped")
                        .doesNotContain("backup"));
        assertThatThrownBy(store::requireWritable).hasMessageContaining("nothing was saved");
        assertThatThrownBy(() -> store.save(List.of(full())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("written by a newer version of pgdesk")
                .hasMessageContaining("Make the change in the newer pgdesk");
        assertThat(file()).hasContent(content);
        assertThat(filesBesideTheStore()).containsExactly(file());
    }

    @Test
    void aNewerFileWithoutAListIsLeftAloneAndNeverWritten() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\":3,\"connections\":{}}");

        ProfileStore.LoadResult result = store().load();

        assertThat(result.profiles()).isEmpty();
        assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains("cannot read it"));
        assertThatThrownBy(() -> store().save(List.of(full()))).hasMessageContaining("newer version");
        assertThat(file()).hasContent("{\"formatVersion\":3,\"connections\":{}}");
    }

    @Test
    void aFileThatCannotBeOpenedIsReportedAndNeitherMovedNorWritten() throws IOException {
        // A directory in the file's place fails to be read as a permission problem does, also as root.
        Files.createDirectories(file());
        Files.writeString(file().resolve("inside"), "kept");
        ProfileStore store = store();

        ProfileStore.LoadResult result = store.load();

        assertThat(result.problem())
                .hasValueSatisfying(
                        p -> assertThat(p).contains("could not be read").contains("will not save over it"));
        assertThatThrownBy(() -> store.save(List.of(full()))).hasMessageContaining("nothing was saved");
        assertThat(filesBesideTheStore()).containsExactly(file());
        assertThat(file().resolve("inside")).hasContent("kept");
    }

    @Test
    void wrongShapeIsReportedAndLeftInPlace() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\":1,\"profiles\":{}}");

        ProfileStore.LoadResult result = store().load();

        assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains("has no list of profiles"));
        assertThat(file()).hasContent("{\"formatVersion\":1,\"profiles\":{}}");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "");

        assertThat(store().load().problem())
                .hasValueSatisfying(p -> assertThat(p).contains("is empty"));
    }

    @Test
    void aProfileWithABadValueIsSkippedAndTheFileCopiedOnceBeforeTheSaveThatDropsIt() throws IOException {
        Files.createDirectories(file().getParent());
        String content = """
                {"formatVersion":1,"profiles":[
                  {"id":"1","name":"good","host":"a"},
                  {"id":"2","name":"broken","sslMode":"sometimes"},
                  {"id":"3","name":"also good","port":6000}
                ]}
                """;
        Files.writeString(file(), content);

        ProfileStore.LoadResult result = store().load();
        store().load();

        assertThat(result.profiles()).extracting(ConnectionProfile::name).containsExactly("good", "also good");
        assertThat(result.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("\"broken\"")
                        .contains("sslMode \"sometimes\"")
                        .contains("profiles.json.backup-<date>"));
        assertThat(file()).hasContent(content);
        assertThat(filesBesideTheStore()).as("reading copies nothing").containsExactly(file());

        for (int run = 0; run < 3; run++) {
            ProfileStore store = store();
            store.save(store.load().profiles());
        }

        Path backup = file().resolveSibling("profiles.json.backup-20260304-050607");
        assertThat(filesBesideTheStore()).containsExactly(file(), backup);
        assertThat(backup).hasContent(content);
        if (backup.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void wrongTypesAndDuplicateIdsAreSkippedWithTheirNames() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"formatVersion":1,"profiles":[
                  {"id":"1","name":"first"},
                  {"id":"1","name":"copy"},
                  {"id":"2","name":"typed","port":"5432"},
                  {"name":"anonymous"},
                  42
                ]}
                """);

        ProfileStore.LoadResult result = store().load();

        assertThat(result.profiles()).extracting(ConnectionProfile::name).containsExactly("first");
        assertThat(result.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("\"copy\" was skipped: another saved connection has the same id")
                        .contains("\"typed\" was skipped: port must be a whole number")
                        .contains("\"anonymous\" was skipped: it has no id")
                        .contains("number 5 was skipped"));
    }
}
