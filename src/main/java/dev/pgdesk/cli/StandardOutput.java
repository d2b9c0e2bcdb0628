package dev.pgdesk.cli;

import dev.pgdesk.export.ResultExporter.RowSource;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The process's standard output, and how commands find out that writing it failed. A {@link PrintStream}
 * keeps write errors to itself (only {@link PrintStream#checkError()} tells), so a full disk or a reader
 * that went away ({@code | head -1}) would otherwise go unnoticed and the run would end with status 0. This
 * print stream also keeps the operating system's reason, which tells a closed pipe, where pgdesk stops
 * quietly like any Unix filter, from a full disk, which is reported.
 */
final class StandardOutput extends PrintStream {
    private final Failures failures;

    private StandardOutput(Failures failures, Charset charset) {
        super(new BufferedOutputStream(failures, 8192), true, charset);
        this.failures = failures;
    }

    /** File descriptor 1, in the charset {@code System.out} would use. */
    static StandardOutput open() {
        return new StandardOutput(new Failures(new FileOutputStream(FileDescriptor.out)), charset());
    }

    private static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // An unknown name: the default below, as System.out would fall back.
                }
            }
        }
        return Charset.defaultCharset();
    }

    /** Standard output could not be written; the message is the reason, for the user. */
    static final class LostException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean closedByReader;

        LostException(String reason, boolean closedByReader) {
            super(reason);
            this.closedByReader = closedByReader;
        }

        /** The reader went away (a closed pipe): worth no message, as with any Unix filter. */
        boolean closedByReader() {
            return closedByReader;
        }
    }

    /** Why {@code out} failed, if it did (flushing it first). */
    static Optional<LostException> failure(PrintStream out) {
        if (!out.checkError()) {
            return Optional.empty();
        }
        if (out instanceof StandardOutput standard && standard.failures.first != null) {
            String reason = standard.failures.first.getMessage();
            // EPIPE: Linux and macOS both say "Broken pipe" in the C locale the JVM reads errors in.
            boolean pipe =
                    reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("broken pipe");
            return Optional.of(new LostException(
                    pipe ? "standard output was closed by its reader" : "standard output: " + reason, pipe));
        }
        return Optional.of(new LostException("standard output was closed, or its disk is full", false));
    }

    /** Throws when {@code out} failed. */
    static void throwIfFailed(PrintStream out) throws LostException {
        Optional<LostException> failure = failure(out);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /**
     * {@code out} as an output stream that throws {@link LostException} as soon as a write fails, for the
     * exporters that stream rows: they stop at once instead of reading the rest of the result for nobody.
     */
    static OutputStream checked(PrintStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                throwIfFailed(out);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                throwIfFailed(out);
            }

            @Override
            public void flush() throws IOException {
                throwIfFailed(out);
            }
        };
    }

    /**
     * {@code rows} that refuse to fetch more once {@code out} failed, for writers that print to a print stream
     * (the text table): the next batch is never read for nobody.
     */
    static RowSource checked(RowSource rows, PrintStream out) {
        return maxRows -> {
            Optional<LostException> failure = failure(out);
            if (failure.isPresent()) {
                throw new UncheckedIOException(failure.get());
            }
            return rows.next(maxRows);
        };
    }

    /**
     * The exit status after a command: a command that succeeded but whose output was lost fails with status
     * 1 and, unless the reader closed the pipe, a message; any other status stands (the command said why).
     */
    static int finish(String command, int status, PrintStream out, PrintStream err) {
        Optional<LostException> failure = failure(out);
        if (failure.isEmpty() || status != ExitCodes.OK) {
            return status;
        }
        if (!failure.get().closedByReader()) {
            String prefix = command.isEmpty() || command.startsWith("-") ? "pgdesk: " : "pgdesk " + command + ": ";
            err.println(prefix + "could not write the output (" + failure.get().getMessage() + ")");
        }
        return ExitCodes.FAILURE;
    }

    /** Passes bytes on and keeps the first failure's exception, which the print stream would drop. */
    private static final class Failures extends FilterOutputStream {
        private volatile IOException first;

        Failures(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        private void keep(IOException e) {
            if (first == null) {
                first = e;
            }
        }
    }
}
