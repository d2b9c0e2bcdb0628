package dev.pgdesk.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
    private final FxTaskRunner runner = new FxTaskRunner();

    @AfterEach
    void shutDown() {
        runner.shutdown();
    }

    /** Where a callback ran and with what. */
    private record Outcome(Object value, boolean onFxThread) {}

    @Test
    void workRunsOnADaemonWorkerAndTheResultArrivesOnTheFxThread() throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        runner.run(
                cancel -> {
                    Thread worker = Thread.currentThread();
                    return worker.isDaemon() && !Platform.isFxApplicationThread() ? worker.getName() : "wrong thread";
                },
                name -> outcome.complete(new Outcome(name, Platform.isFxApplicationThread())),
                outcome::completeExceptionally);

        Outcome result = outcome.get(10, TimeUnit.SECONDS);
        assertThat(result.onFxThread()).isTrue();
        assertThat(result.value()).asString().startsWith("pgdesk-worker-");
    }

    @Test
    void aFailureArrivesOnTheFxThreadWithTheTasksException() throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        IllegalStateException problem = new IllegalStateException("the server is gone");

        runner.run(
                cancel -> {
                    throw problem;
                },
                value -> outcome.complete(new Outcome(value, Platform.isFxApplicationThread())),
                error -> outcome.complete(new Outcome(error, Platform.isFxApplicationThread())));

        Outcome result = outcome.get(10, TimeUnit.SECONDS);
        assertThat(result.value()).isSameAs(problem);
        assertThat(result.onFxThread()).isTrue();
    }

    @Test
    void aCancelledTaskReportsCancellationInsteadOfItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> outcome = new CompletableFuture<>();

        CancellationToken token = runner.run(
                cancel -> {
                    started.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return "late result";
                },
                outcome::complete,
                outcome::complete);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        release.countDown();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    }
}
