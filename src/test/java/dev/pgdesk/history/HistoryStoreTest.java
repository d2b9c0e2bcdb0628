package dev.pgdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HistoryStoreTest {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStoreTest.class);
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data/history.jsonl");
    }

    private HistoryStore store() {
        return new HistoryStore(file(), HistoryStore.DEFAULT_MAX_ENTRIES, FIXED);
    }

    private static HistoryEntry entry(int n, String statement) {
        return new HistoryEntry(
                START.plusSeconds(n),
                "p1",
                "Production",
                statement,
                List.of(),
                n,
                (long) n,
                Outcome.SUCCESS,
                n + " rows");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(file().getParent())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEntryWithEveryFieldSurvivesARestart() throws IOException {
        HistoryEntry failed = new HistoryEntry(
                Instant.parse("2026-02-03T04:05:06.789Z"),
                null,
                "scratch",
                "select *\nfrom \"x\" where id = $1 and name = :name",
                List.of(new HistoryParameter("$1", "integer", "42"), new HistoryParameter(":name", null, null)),
                17,
                null,
                Outcome.ERROR,
                "ERROR 42P01: relation \"x\" does not exist");
        HistoryEntry cancelled = new HistoryEntry(
                START, "p1", "Production", "select pg_sleep(60)", List.of(), 5000, null, Outcome.CANCELLED, "");
        store().append(failed);
        store().append(cancelled);

        assertThat(store().search("", 10)).containsExactly(cancelled, failed);
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndStartsWithItsFormatVersion() throws IOException {
        store().append(entry(1, "select 1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
        assertThat(Files.readAllLines(file())).first().isEqualTo("{\"formatVersion\":1}");
    }

    @Test
    void searchReturnsTheNewestFirstUpToTheLimit() throws IOException {
        HistoryStore store = store();
        for (int n = 1; n <= 5; n++) {
            store.append(entry(n, "select " + n));
        }

        assertThat(store.search("", 3))
                .extracting(HistoryEntry::statement)
                .containsExactly("select 5", "select 4", "select 3");
    }

    @Test
    void everyWordOfTheQueryMustOccurInStatementConnectionOrMessageIgnoringCase() throws IOException {
        HistoryStore store = store();
        HistoryEntry orders = entry(1, "SELECT * FROM orders");
        HistoryEntry customers = entry(2, "select * from customers");
        HistoryEntry failed = new HistoryEntry(
                START,
                "p2",
                "Staging",
                "select * from ordrs",
                List.of(),
                3,
                null,
                Outcome.ERROR,
                "ERROR 42P01: relation \"ordrs\" does not exist");
        store.append(orders);
        store.append(customers);
        store.append(failed);

        assertThat(store.search("ORDERS", 10)).containsExactly(orders);
        assertThat(store.search("  from   production ", 10)).containsExactly(customers, orders);
        assertThat(store.search("staging 42p01", 10)).containsExactly(failed);
        assertThat(store.search("orders staging", 10)).isEmpty();
    }

    @Test
    void aLineTornByAKillIsSkippedAndTheNextAppendStartsOnItsOwnLine() throws IOException {
        store().append(entry(1, "select 1"));
        store().append(entry(2, "select 2"));
        // What a kill in the middle of writing leaves: part of a line, no newline.
        Files.write(
                file(), "{\"executedAt\":\"2026-01-01T1".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        HistoryStore afterRestart = store();
        assertThat(afterRestart.search("", 10))
                .extracting(HistoryEntry::statement)
                .containsExactly("select 2", "select 1");
        assertThat(afterRestart.problems()).isEmpty();

        afterRestart.append(entry(3, "select 3"));

        assertThat(store().search("", 10))
                .extracting(HistoryEntry::statement)
                .containsExactly("select 3", "select 2", "select 1");
    }

    @Test
    void aFileThatIsNotHistoryIsMovedAsideAndANewHistoryStarts() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "this is not json\n");

        HistoryStore store = store();
        assertThat(store.search("", 10)).isEmpty();
        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("history.jsonl.corrupt-20260304-050607")
                .contains("a new history is started");

        store.append(entry(1, "select 1"));

        assertThat(store().search("", 10)).extracting(HistoryEntry::statement).containsExactly("select 1");
        assertThat(fileNames()).containsExactly("history.jsonl", "history.jsonl.corrupt-20260304-050607");
    }

    @Test
    void aHistoryFromANewerPgdeskIsShownAsFarAsUnderstoodAndNeverChanged() throws IOException {
        Files.createDirectories(file().getParent());
        String older = HistoryJson.toJson(entry(1, "select 1")).toString();
        String content = "{\"formatVersion\":2}\n" + older + "\n{\"kind\":\"bookmark\"}\n";
        Files.writeString(file(), content);
        HistoryStore store = store();

        assertThat(store.search("", 10)).extracting(HistoryEntry::statement).containsExactly("select 1");
        assertThatThrownBy(() -> store.append(entry(2, "select 2")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("newer version of pgdesk")
                .hasMessageContaining("not recorded");
        store.search("", 10);

        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("newer version of pgdesk (format version 2; this version reads 1)")
                .contains("left as it is");
        assertThat(file()).hasContent(content);
        assertThat(fileNames()).containsExactly("history.jsonl");
    }

    @Test
    void aHistoryThatCannotBeOpenedIsReportedAndLeftWhereItIs() throws IOException {
        // A directory in the file's place cannot be read, as a file without permission cannot, also as root.
        Files.createDirectories(file());
        HistoryStore store = store();

        assertThat(store.search("", 10)).isEmpty();
        assertThatThrownBy(() -> store.append(entry(1, "select 1"))).hasMessageContaining("could not be read");

        assertThat(store.problems()).singleElement().asString().contains("could not be read");
        assertThat(fileNames()).containsExactly("history.jsonl");
    }

    @Test
    void growingPastAFifthOverTheLimitKeepsTheNewestEntries() throws IOException {
        HistoryStore store = new HistoryStore(file(), 10, FIXED);
        for (int n = 1; n <= 12; n++) {
            store.append(entry(n, "select " + n));
        }
        assertThat(Files.readAllLines(file()))
                .as("header and 12 entries, not compacted yet")
                .hasSize(13);

        store.append(entry(13, "select 13"));

        assertThat(Files.readAllLines(file())).as("header and the newest 10").hasSize(11);
        assertThat(store.search("", 100))
                .hasSize(10)
                .first()
                .extracting(HistoryEntry::statement)
                .isEqualTo("select 13");
        assertThat(new HistoryStore(file(), 10, FIXED).search("", 100))
                .extracting(HistoryEntry::statement)
                .endsWith("select 4")
                .hasSize(10);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
    }

    @Test
    void appendsFromAnotherStoreOnTheSameFileAreSeen() throws IOException {
        HistoryStore window1 = store();
        HistoryStore window2 = store();
        window1.append(entry(1, "select 1"));
        assertThat(window2.search("", 10)).hasSize(1);

        window1.append(entry(2, "select 2"));

        assertThat(window2.search("", 10)).extracting(HistoryEntry::statement).containsExactly("select 2", "select 1");
    }

    @Test
    void appendsFromManyThreadsAreAllKept() throws Exception {
        HistoryStore store = store();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        store.append(entry(i, "select " + thread + "_" + i));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(store().search("", 1000)).hasSize(200);
    }

    @Test
    void clearingForgetsEverything() throws IOException {
        HistoryStore store = store();
        store.append(entry(1, "select 1"));

        store.clear();

        assertThat(store.search("", 10)).isEmpty();
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void readingAndSearchingTenThousandEntriesIsFast() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("{\"formatVersion\":1}");
        HistoryStore writer = store();
        for (int n = 0; n < 10_000; n++) {
            lines.add(new String(
                    MAPPER.writeValueAsBytes(HistoryJson.toJson(entry(
                            n,
                            "select id, name, created_at\nfrom table_" + (n % 97)
                                    + "\nwhere id = $1 and status = 'open'" + " order by created_at desc limit 100"))),
                    StandardCharsets.UTF_8));
        }
        Files.createDirectories(file().getParent());
        Files.write(file(), lines);

        long start = System.nanoTime();
        List<HistoryEntry> newest = writer.search("", 1000);
        long firstRead = System.nanoTime() - start;
        start = System.nanoTime();
        List<HistoryEntry> found = writer.search("TABLE_42 open", 10_000);
        long search = System.nanoTime() - start;

        start = System.nanoTime();
        List<HistoryEntry> rereadNewest = store().search("", 1000);
        long warmRead = System.nanoTime() - start;

        LOG.info(
                "History of 10,000 entries ({} bytes): first read {} ms, read by a second store {} ms,"
                        + " word search {} ms",
                Files.size(file()),
                firstRead / 1_000_000,
                warmRead / 1_000_000,
                search / 1_000_000);
        assertThat(rereadNewest).isEqualTo(newest);
        assertThat(newest).hasSize(1000);
        assertThat(found).hasSize(103);
        assertThat(firstRead / 1_000_000).as("first read in ms").isLessThan(2000);
        assertThat(search / 1_000_000).as("search in ms").isLessThan(500);
    }
}
