package dev.pgdesk.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The start-up benchmark shipped in the application image, and the build step that makes its class-data sharing
 * archives. It starts fresh JVMs exactly as the image's launchers do (their class path and Java options, read from
 * the launcher's {@code .cfg}) and times the first rendered frame of pgdesk's main window against an empty window.
 * Two references sit between them: a minimal window (a menu bar, a toolbar, two labels), for what the first
 * controls cost, and the main window's arrangement built of stock controls, for what the layout alone costs.
 *
 * <p>Measure: {@code <image java> -cp '<app dir>/*' dev.pgdesk.cli.StartupBenchmark [--app-dir DIR] [--runs N]
 * [--no-cds]}. Archive: {@code ... --dump-archives DIR} (run by the build).
 */
public final class StartupBenchmark {
    private static final String PROBE = "dev.pgdesk.ui.bench.StartupProbe";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    /** The windows timed, in the order each round starts them. */
    private static final List<String> WINDOWS = List.of("empty", "minimal", "layout", "main");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "empty", "",
            "minimal", "; a menu bar, a toolbar and two labels",
            "layout", "; the main window's arrangement as stock controls, nothing of pgdesk's",
            "main", "; pgdesk's main window");

    private final Path appDir;
    private final Path java;

    private StartupBenchmark(Path appDir) {
        this.appDir = appDir;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> arguments = List.of(args);
        int dump = arguments.indexOf("--dump-archives");
        if (dump >= 0) {
            new StartupBenchmark(Path.of(arguments.get(dump + 1))).dumpArchives();
            return;
        }
        int appDirAt = arguments.indexOf("--app-dir");
        Path appDir = appDirAt >= 0
                ? Path.of(arguments.get(appDirAt + 1))
                : Path.of(System.getProperty("java.home")).getParent().resolve("app");
        int runsAt = arguments.indexOf("--runs");
        int runs = runsAt >= 0 ? Integer.parseInt(arguments.get(runsAt + 1)) : 5;
        new StartupBenchmark(appDir).measure(runs, !arguments.contains("--no-cds"));
    }

    private void measure(int runs, boolean cds) throws IOException, InterruptedException {
        LauncherConfig launch = LauncherConfig.read(appDir, "pgdesk");
        List<String> options = cds
                ? launch.options()
                : launch.options().stream()
                        .filter(o -> !o.startsWith(ARCHIVE_OPTION))
                        .collect(Collectors.toList());
        Path home = Files.createTempDirectory("pgdesk-bench-home");
        // One unmeasured start of each fills the OS file cache and the fresh configuration directory.
        for (String window : WINDOWS) {
            time(launch, options, home, window);
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        WINDOWS.forEach(window -> times.put(window, new long[runs]));
        for (int i = 0; i < runs; i++) {
            for (String window : WINDOWS) {
                times.get(window)[i] = time(launch, options, home, window);
            }
        }
        long empty = median(times.get("empty"));
        System.out.printf(
                Locale.ROOT,
                "class-data sharing: %s%n",
                cds && options.stream().anyMatch(o -> o.startsWith(ARCHIVE_OPTION)) ? "on" : "off");
        times.forEach((window, millis) -> System.out.printf(
                Locale.ROOT,
                "%-16s median %d ms (%.2f x empty), runs %s%s%n",
                window + " window:",
                median(millis),
                (double) median(millis) / empty,
                Arrays.toString(millis),
                DESCRIPTIONS.get(window)));
        System.out.printf(Locale.ROOT, "ratio (main / empty): %.2f%n", (double) median(times.get("main")) / empty);
    }

    private long time(LauncherConfig launch, List<String> options, Path home, String window)
            throws IOException, InterruptedException {
        Path result = Files.createTempFile("pgdesk-startup", ".ms");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add("-Dpgdesk.home=" + home);
        command.add("-Dpgdesk.probe.result=" + result);
        command.add("-Dpgdesk.probe.spawnedAt=" + System.currentTimeMillis());
        command.addAll(List.of("-cp", launch.classPath(), PROBE, window));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + window + " window did not show within two minutes");
        }
        String millis = Files.readString(result, StandardCharsets.UTF_8).strip();
        Files.delete(result);
        if (millis.isEmpty()) {
            throw new IllegalStateException("the " + window + " window exited (status " + process.exitValue()
                    + ") without rendering a frame; is there a display (DISPLAY)?");
        }
        return Long.parseLong(millis);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Dumps a dynamic archive per launcher from a real start, then points the launcher's options at it. */
    private void dumpArchives() throws IOException, InterruptedException {
        LauncherConfig cli = LauncherConfig.read(appDir, "pgdesk-cli");
        dump(cli, "pgdesk-cli.jsa", List.of("dev.pgdesk.cli.PgdeskCli", "--version"));
        if (hasDisplay()) {
            LauncherConfig gui = LauncherConfig.read(appDir, "pgdesk");
            Path home = Files.createTempDirectory("pgdesk-archive-home");
            dump(gui, "pgdesk.jsa", List.of("-Dpgdesk.home=" + home, PROBE, "main"));
        } else {
            System.out.println("No display (DISPLAY is not set): the GUI launcher keeps the archive it has, if any.");
        }
    }

    private void dump(LauncherConfig launch, String archive, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        Path file = appDir.resolve(archive);
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        // An archive option left from an earlier dump would name the base archive of the new one.
        launch.options().stream().filter(o -> !o.startsWith(ARCHIVE_OPTION)).forEach(command::add);
        command.add("-XX:ArchiveClassesAtExit=" + file);
        command.addAll(List.of("-cp", launch.classPath()));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0 || !Files.exists(file)) {
            throw new IllegalStateException("dumping " + file + " failed (status " + process.exitValue() + ")");
        }
        // The archive holds the class path it was dumped with: a moved image (or an install elsewhere) can't map
        // it, and the JVM would warn on every start, so the launcher keeps quiet and just starts without it.
        launch.addOption(ARCHIVE_OPTION + "$APPDIR" + File.separator + archive);
        launch.addOption("-Xlog:cds+dynamic=off");
        launch.addOption("-Xlog:cds=off");
        System.out.println("Class-data sharing archive: " + file + " (" + Files.size(file) / 1024 + " KiB)");
    }

    private static boolean hasDisplay() {
        boolean x11 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        return !x11 || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
