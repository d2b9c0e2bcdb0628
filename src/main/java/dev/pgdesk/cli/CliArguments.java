package dev.pgdesk.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one subcommand, split into flags ({@code --json}), options with a value ({@code
 * --timeout 5} or {@code --timeout=5}) and positional arguments. {@code --} ends the options, so that a
 * positional argument may start with a dash.
 */
final class CliArguments {
    private final Set<String> flags;
    private final Map<String, String> options;
    private final Map<String, List<String>> repeated;
    private final List<String> positionals;

    private CliArguments(
            Set<String> flags,
            Map<String, String> options,
            Map<String, List<String>> repeated,
            List<String> positionals) {
        this.flags = Set.copyOf(flags);
        this.options = Map.copyOf(options);
        this.repeated = Map.copyOf(repeated);
        this.positionals = List.copyOf(positionals);
    }

    /**
     * @param knownFlags options without a value, such as {@code --json}
     * @param knownOptions options that take a value, such as {@code --timeout}
     */
    static CliArguments parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions)
            throws CliUsageException {
        return parse(args, knownFlags, knownOptions, Set.of());
    }

    /**
     * @param repeatableOptions options that take a value and may be given several times, such as {@code
     *     --param}; their values are kept in command-line order
     */
    static CliArguments parse(
            List<String> args, Set<String> knownFlags, Set<String> knownOptions, Set<String> repeatableOptions)
            throws CliUsageException {
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (knownFlags.contains(name)) {
                if (equals >= 0) {
                    throw new CliUsageException("option '" + name + "' does not take a value");
                }
                flags.add(name);
            } else if (knownOptions.contains(name) || repeatableOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new CliUsageException("option '" + name + "' needs a value");
                }
                if (repeatableOptions.contains(name)) {
                    repeated.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                } else if (options.put(name, value) != null) {
                    throw new CliUsageException("option '" + name + "' given more than once");
                }
            } else {
                throw new CliUsageException("unknown option '" + name + "'");
            }
        }
        repeated.replaceAll((name, values) -> List.copyOf(values));
        return new CliArguments(flags, options, repeated, positionals);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** Every value of a repeatable option, in command-line order; empty when it was not given. */
    List<String> values(String option) {
        return repeated.getOrDefault(option, List.of());
    }

    List<String> positionals() {
        return positionals;
    }

    /** The only positional argument; {@code what} describes it in the error when there is none or more. */
    String singlePositional(String what) throws CliUsageException {
        if (positionals.isEmpty()) {
            throw new CliUsageException("missing " + what);
        }
        if (positionals.size() > 1) {
            throw new CliUsageException("expected one " + what + ", got " + positionals.size() + " arguments");
        }
        return positionals.get(0);
    }
}
