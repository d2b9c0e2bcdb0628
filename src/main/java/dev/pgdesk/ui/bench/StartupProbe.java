package dev.pgdesk.ui.bench;

import dev.pgdesk.config.Logging;
import dev.pgdesk.ui.Main;
import java.util.List;
import javafx.application.Application;

/**
 * One start of the GUI for the start-up benchmark ({@code dev.pgdesk.cli.StartupBenchmark}): {@code main} shows
 * pgdesk's main window, {@code empty} an empty window of the same size, {@code minimal} one with a menu bar, a
 * toolbar and two labels, {@code layout} the main window's arrangement of stock controls; either way the process writes the milliseconds from its spawn to the first rendered
 * frame into a file and exits.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) {
        if (args.length != 1 || !List.of("main", "empty", "minimal", "layout").contains(args[0])) {
            throw new IllegalArgumentException(
                    "StartupProbe takes one argument, 'main', 'empty', 'minimal' or 'layout'");
        }
        if (args[0].equals("main")) {
            Main.beforeLaunch();
        } else {
            Logging.dropJavaFxClassPathWarning();
        }
        Application.launch(ProbeApplication.class, args);
    }
}
