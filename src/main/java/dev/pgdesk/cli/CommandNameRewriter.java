package dev.pgdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stderr for a command that runs another one ({@code pgdesk run} runs {@code pgdesk query}): lines the
 * inner command starts with its own name get the outer command's name, so that messages in a scheduler's
 * log name the command that was actually run.
 */
final class CommandNameRewriter extends OutputStream {
    private final PrintStream target;
    private final String innerPrefix;
    private final String outerPrefix;
    private final String innerHelp;
    private final String outerHelp;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private CommandNameRewriter(PrintStream target, String inner, String outer) {
        this.target = target;
        this.innerPrefix = "pgdesk " + inner + ":";
        this.outerPrefix = "pgdesk " + outer + ":";
        this.innerHelp = "'pgdesk " + inner + " --help'";
        this.outerHelp = "'pgdesk " + outer + " --help'";
    }

    /** A UTF-8 print stream onto {@code target} that says {@code outer} where {@code inner} said its name. */
    static PrintStream wrap(PrintStream target, String inner, String outer) {
        return new PrintStream(new CommandNameRewriter(target, inner, outer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void flush() {
        // A partial line waits for its end, so that its start can still be rewritten; the target is flushed.
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        target.flush();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.startsWith(innerPrefix)) {
            text = outerPrefix + text.substring(innerPrefix.length());
        }
        target.print(text.replace(innerHelp, outerHelp));
        target.flush();
    }
}
