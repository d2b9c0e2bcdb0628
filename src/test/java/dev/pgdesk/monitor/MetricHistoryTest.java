package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricHistoryTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void samplesComeBackOldestFirst() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofMinutes(10));
        history.add(START, 1);
        history.add(START.plusSeconds(1), 2);
        history.add(START.plusSeconds(2), 3);

        assertThat(history.samples()).extracting(MetricHistory.Sample::value).containsExactly(1, 2, 3);
    }

    @Test
    void samplesOlderThanTheWindowBeforeTheNewestAreDropped() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofSeconds(10));
        history.add(START, 0);
        history.add(START.plusSeconds(5), 5);
        history.add(START.plusSeconds(10), 10);
        assertThat(history.samples()).extracting(MetricHistory.Sample::value).containsExactly(0, 5, 10);

        history.add(START.plusSeconds(11), 11);

        assertThat(history.samples()).extracting(MetricHistory.Sample::value).containsExactly(5, 10, 11);
    }

    @Test
    void memoryStaysBoundedByTheWindow() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofSeconds(60));
        for (int second = 0; second < 10_000; second++) {
            history.add(START.plusSeconds(second), second);
        }

        assertThat(history.samples()).hasSize(61);
        assertThat(history.samples().get(0).at()).isEqualTo(START.plusSeconds(10_000 - 61));
    }

    @Test
    void aSampleBeforeTheNewestIsRejectedAndTheHistoryStaysAsItWas() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofMinutes(1));
        history.add(START.plusSeconds(5), 5);

        assertThatThrownBy(() -> history.add(START, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThat(history.samples()).extracting(MetricHistory.Sample::value).containsExactly(5);
    }

    @Test
    void samplesAtTheSameInstantAreKept() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofMinutes(1));
        history.add(START, 1);
        history.add(START, 2);

        assertThat(history.samples()).extracting(MetricHistory.Sample::value).containsExactly(1, 2);
    }

    @Test
    void aNullValueIsAGapNotAnError() {
        MetricHistory<Double> history = new MetricHistory<>(Duration.ofMinutes(1));
        history.add(START, null);

        assertThat(history.samples()).containsExactly(new MetricHistory.Sample<>(START, null));
    }

    @Test
    void theReturnedListIsASnapshot() {
        MetricHistory<Integer> history = new MetricHistory<>(Duration.ofMinutes(1));
        history.add(START, 1);
        List<MetricHistory.Sample<Integer>> before = history.samples();

        history.add(START.plusSeconds(1), 2);

        assertThat(before).hasSize(1);
        assertThatThrownBy(() -> before.add(new MetricHistory.Sample<>(START, 3)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyOrNegativeWindowIsRejected() {
        assertThatThrownBy(() -> new MetricHistory<Integer>(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> new MetricHistory<Integer>(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MetricHistory<Integer>(Duration.ofMinutes(10)).window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void threadsAddingAndReadingAtOnceNeverSeeSamplesOutOfOrderOrBeyondTheWindow() throws Exception {
        MetricHistory<Long> history = new MetricHistory<>(Duration.ofSeconds(100));
        AtomicLong clock = new AtomicLong();
        int writers = 4;
        int perWriter = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch go = new CountDownLatch(1);
        // The writers wait for the reader's first look, so that on a busy machine they cannot all finish
        // before the reader has run at all.
        CountDownLatch readerStarted = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    readerStarted.await();
                    for (int i = 0; i < perWriter; i++) {
                        // Taking the time and adding under one lock keeps the writers in time order.
                        synchronized (clock) {
                            long second = clock.incrementAndGet();
                            history.add(START.plusSeconds(second), second);
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                go.await();
                int reads = 0;
                do {
                    List<MetricHistory.Sample<Long>> samples = history.samples();
                    for (int i = 1; i < samples.size(); i++) {
                        assertThat(samples.get(i).at())
                                .isAfter(samples.get(i - 1).at());
                    }
                    assertThat(samples.size()).isLessThanOrEqualTo(101);
                    reads++;
                    readerStarted.countDown();
                } while (clock.get() < (long) writers * perWriter);
                return reads;
            });
            go.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        List<MetricHistory.Sample<Long>> samples = history.samples();
        assertThat(samples).hasSize(101);
        assertThat(samples.get(samples.size() - 1).value()).isEqualTo((long) writers * perWriter);
    }
}
