package dev.pgdesk.cli;

import java.io.Console;
import java.util.Optional;

/** Whether a person sits at the process's terminal: standard input and output both attached to one. */
final class Terminal {
    private Terminal() {}

    /**
     * The console when standard input and output are a terminal. Java 17 creates the console only then;
     * later versions may create one regardless and tell through {@code isTerminal}.
     */
    static Optional<Console> console() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            boolean terminal = (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            return terminal ? Optional.of(console) : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of(console);
        }
    }
}
