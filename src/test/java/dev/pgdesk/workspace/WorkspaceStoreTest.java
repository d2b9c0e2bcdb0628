package dev.pgdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

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

class WorkspaceStoreTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path workspace() {
        return dir.resolve("data/workspace");
    }

    private WorkspaceStore store() {
        return new WorkspaceStore(workspace(), FIXED);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(workspace())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingDirectoryMeansNoTabsAndNoProblem() {
        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void savedTabsComeBackInTheirOrderWithEveryField() throws IOException {
        EditorTabState second = EditorTabState.newTab("p1", "Query 2", 1)
                .withText("select 2;\n-- ünïcødé ✓", 5)
                .withTimeoutSeconds(0);
        EditorTabState first = EditorTabState.openedFile(null, Path.of("/home/alice/report.sql"), "select 1", 0)
                .withCaret(3);
        store().save(second);
        store().save(first);

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).containsExactly(first, second);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aTabHoldingTheLargestFileTheEditorOpensComesBack() throws IOException {
        String text = "select 1; -- ✓\n".repeat((int) (SqlFiles.MAX_BYTES / 16));
        EditorTabState tab = EditorTabState.newTab(null, "dump.sql", 0).withText(text);
        store().save(tab);

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.tabs())
                .singleElement()
                .extracting(EditorTabState::text)
                .isEqualTo(text);
    }

    @Test
    void tabFilesAreReadableByTheirOwnerOnly() throws IOException {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);
        store().save(tab);

        Path file = workspace().resolve(tab.id() + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void savingAgainReplacesTheTabAndRemovingDeletesIt() throws IOException {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);
        WorkspaceStore store = store();
        store.save(tab);
        store.save(tab.withText("select now()"));

        assertThat(store.load().tabs()).extracting(EditorTabState::text).containsExactly("select now()");

        store.remove(tab.id());

        assertThat(store.load().tabs()).isEmpty();
        assertThat(fileNames()).isEmpty();
    }

    @Test
    void aCorruptTabFileIsMovedAsideAndTheOtherTabsLoad() throws IOException {
        EditorTabState good = EditorTabState.newTab(null, "Query 1", 0).withText("select 1");
        store().save(good);
        String brokenName = "0b1d8b52-0f0e-4c53-8e0a-4f6f1e7e6d11.json";
        Files.writeString(workspace().resolve(brokenName), "{\"formatVersion\":1,\"id\":\"0b1d8b52-");

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).containsExactly(good);
        assertThat(result.problems())
                .singleElement()
                .asString()
                .contains(brokenName)
                .contains("not valid JSON")
                .contains(brokenName + ".corrupt-20260304-050607")
                .contains("other tabs are restored");
        assertThat(fileNames()).containsExactlyInAnyOrder(good.id() + ".json", brokenName + ".corrupt-20260304-050607");
        assertThat(store().load().problems()).isEmpty();
    }

    @Test
    void aTabFileFromANewerPgdeskIsReportedAndLeftWhereItIs() throws IOException {
        Files.createDirectories(workspace());
        String name = "0b1d8b52-0f0e-4c53-8e0a-4f6f1e7e6d11.json";
        Files.writeString(
                workspace().resolve(name),
                "{\"formatVersion\":7,\"id\":\"0b1d8b52-0f0e-4c53-8e0a-4f6f1e7e6d11\",\"title\":\"x\",\"text\":\"\"}");

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).isEmpty();
        assertThat(result.problems())
                .singleElement()
                .asString()
                .contains("newer version of pgdesk (format version 7)")
                .contains("leaves the file as it is");
        assertThat(fileNames()).containsExactly(name);
    }

    @Test
    void aFileWhoseIdDoesNotMatchItsNameIsSetAside() throws IOException {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);
        store().save(tab);
        Path copy = workspace().resolve("0b1d8b52-0f0e-4c53-8e0a-4f6f1e7e6d11.json");
        Files.copy(workspace().resolve(tab.id() + ".json"), copy);

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).containsExactly(tab);
        assertThat(result.problems()).singleElement().asString().contains("does not match");
    }

    @Test
    void leftoverTemporaryFilesOfAnInterruptedWriteAreIgnored() throws IOException {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);
        store().save(tab);
        Files.writeString(workspace().resolve("." + tab.id() + ".json.x1y2.tmp"), "{\"half");

        WorkspaceStore.LoadResult result = store().load();

        assertThat(result.tabs()).containsExactly(tab);
        assertThat(result.problems()).isEmpty();
    }
}
