package dev.pgdesk.cli;

import java.io.PrintStream;
import java.util.List;

final class ConninfoCommand implements CliCommand {
    @Override
    public String name() {
        return "conninfo";
    }

    @Override
    public String summary() {
        return "not yet implemented";
    }

    @Override
    public String usage() {
        return "not yet implemented\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
