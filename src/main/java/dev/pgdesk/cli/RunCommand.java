package dev.pgdesk.cli;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.UnsupportedStatementException;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.sql.ParameterStyle;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code pgdesk run <saved-query>}: looks a saved query up, fills its parameters from the saved defaults and
 * the command line, and runs it exactly as {@code pgdesk query} would (same core, output and exit codes).
 */
final class RunCommand implements CliCommand {
    static final String PROFILE = "--profile";
    private static final Set<String> PASSED_FLAGS =
            Set.of(QueryCommand.PRETTY, QueryCommand.NUMERIC_AS_STRING, SessionOpener.NO_PASSWORD);
    private static final Set<String> PASSED_OPTIONS = Set.of(
            QueryCommand.TIMEOUT,
            QueryCommand.FORMAT,
            QueryCommand.OUTPUT,
            QueryCommand.DELIMITER,
            QueryCommand.ON_ERROR);

    private final SavedQueryStore store;
    /** The saved profiles, read when needed; a problem with their file goes to the given warnings. */
    private final Function<Consumer<String>, List<ConnectionProfile>> profiles;

    private final QueryCommand query;

    /** The command as {@code pgdesk} runs it: the user's saved queries and profiles. */
    RunCommand() {
        this(
                new SavedQueryStore(AppDirectories.forCurrentUser().savedQueriesFile()),
                (Function<Consumer<String>, List<ConnectionProfile>>) warnings -> new SavedProfiles(
                                new ProfileStore(AppDirectories.forCurrentUser().profilesFile()), warnings)
                        .get(),
                new QueryCommand());
    }

    /** @param query runs the query once it is filled in; tests give one with their own environment */
    RunCommand(SavedQueryStore store, Supplier<List<ConnectionProfile>> profiles, QueryCommand query) {
        this(store, (Function<Consumer<String>, List<ConnectionProfile>>) warnings -> profiles.get(), query);
    }

    private RunCommand(
            SavedQueryStore store, Function<Consumer<String>, List<ConnectionProfile>> profiles, QueryCommand query) {
        this.store = store;
        this.profiles = profiles;
        this.query = query;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run a saved query by name, with parameter overrides, as 'pgdesk query' runs SQL";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk run <saved-query> [<target> | --profile NAME]
                                  [--param name=VALUE ...] [--null-param name ...]
                                  [--format json|jsonl|csv|table] [--output FILE] [--timeout SECONDS]
                                  [--pretty] [--delimiter C] [--numeric-as-string]
                                  [--no-password] [--on-error stop|continue]

                Runs a query saved in pgdesk (see 'pgdesk saved list') exactly as 'pgdesk query'
                runs SQL: same output formats, streaming with --output, timeouts, one session
                for the whole query (a lost connection stops it with status 3), --on-error and
                exit codes.

                The query is looked up by name: one saved for the target's profile first, then a
                global one. Without a target the query runs against the profile it is saved for
                (the built-in 'Sample database' too: pgdesk uses the running sample server or
                starts it for the run); a global query needs a target (a URI, a key=value string
                or a profile name) or --profile NAME.

                Parameters take their saved default values unless overridden:
                  --param name=VALUE   the value of :name (or of $1 with --param '$1=VALUE')
                  --null-param name    make the parameter NULL
                A parameter saved without a default must be given.

                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                Example:
                  pgdesk run daily_report --param day=2026-11-22 --format csv --output report.csv

                Exit status: 0 success, 2 bad arguments (unknown saved query or parameter, missing
                value; nothing was run), 3 connection failed or lost, 4 a statement failed or timed out,
                1 anything else.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            Set<String> options = new HashSet<>(PASSED_OPTIONS);
            options.add(PROFILE);
            arguments = CliArguments.parse(
                    args, PASSED_FLAGS, options, Set.of(QueryCommand.PARAM, QueryCommand.NULL_PARAM));
            return run(arguments, out, err);
        } catch (CliUsageException e) {
            err.println("pgdesk run: " + e.getMessage());
            err.println("Run 'pgdesk run --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        }
    }

    private int run(CliArguments arguments, PrintStream out, PrintStream err) throws CliUsageException {
        List<String> positionals = arguments.positionals();
        if (positionals.isEmpty()) {
            throw new CliUsageException("missing the name of a saved query");
        }
        if (positionals.size() > 2) {
            throw new CliUsageException(
                    "expected a saved query and at most one target, got " + positionals.size() + " arguments");
        }
        String name = positionals.get(0);
        Optional<String> givenTarget = positionals.size() == 2 ? Optional.of(positionals.get(1)) : Optional.empty();
        Optional<String> profileName = arguments.value(PROFILE);
        if (givenTarget.isPresent() && profileName.isPresent()) {
            throw new CliUsageException("give either a target or --profile, not both");
        }
        SavedQueryStore.LoadResult saved = store.load();
        saved.problem()
                .ifPresent(problem -> problem.lines().forEach(line -> err.println("pgdesk run: warning: " + line)));
        if (saved.named(name).isEmpty()) {
            return error(err, "no saved query '" + name + "'; " + savedNames(saved));
        }
        List<ConnectionProfile> savedProfiles = profiles.apply(line -> err.println("pgdesk run: warning: " + line));
        List<ConnectionProfile> known = SampleTarget.withSample(savedProfiles);
        String target;
        SavedQuery chosen;
        Optional<String> targetName = givenTarget.or(() -> profileName);
        if (targetName.isPresent()) {
            Optional<ConnectionProfile> profile = profileNamed(targetName.get(), savedProfiles, known);
            if (profileName.isPresent() && profile.isEmpty()) {
                return error(err, "no saved profile '" + profileName.get() + "'");
            }
            target = targetName.get();
            Optional<SavedQuery> found =
                    saved.find(name, profile.map(ConnectionProfile::id).orElse(null));
            if (found.isEmpty()) {
                return error(
                        err,
                        "no saved query '" + name + "' for " + target + " (it is saved for "
                                + scopes(saved.named(name), known) + "); run 'pgdesk saved list' to see them");
            }
            chosen = found.get();
        } else {
            List<SavedQuery> scoped =
                    saved.named(name).stream().filter(q -> !q.isGlobal()).toList();
            if (scoped.isEmpty()) {
                return error(
                        err,
                        "'" + name + "' is a global saved query: give a target (a URI, a key=value"
                                + " string or a profile name) or --profile NAME");
            }
            if (scoped.size() > 1) {
                return error(
                        err,
                        "'" + name + "' is saved for several profiles (" + scopes(scoped, known)
                                + "): say which with --profile NAME");
            }
            chosen = scoped.get(0);
            Optional<ConnectionProfile> profile = known.stream()
                    .filter(p -> p.id().equals(chosen.profileId()))
                    .findFirst();
            if (profile.isEmpty()) {
                return error(
                        err,
                        "'" + name + "' is saved for a profile that no longer exists (id " + chosen.profileId()
                                + "): give a target or --profile NAME");
            }
            if (profile.get().id().equals(SampleDatabase.PROFILE_ID)) {
                Optional<ConnectionProfile> shadowing = SampleTarget.shadowing(savedProfiles);
                if (shadowing.isPresent()) {
                    return error(
                            err,
                            "'" + name + "' is saved for the built-in " + SampleDatabase.NAME + ", but your saved"
                                    + " profile '" + shadowing.get().name() + "' has the same name and would be"
                                    + " used instead: rename that profile, or give a target");
                }
            }
            target = profile.get().name();
        }
        Map<SavedParameter, String> values = ParameterValues.of(
                chosen, arguments.values(QueryCommand.PARAM), arguments.values(QueryCommand.NULL_PARAM));
        Set<String> used = usedParameters(chosen.sql());
        if (used != null) {
            List<String> undeclared = used.stream()
                    .filter(p -> chosen.parameter(p).isEmpty())
                    .map(p -> p.startsWith("$") ? p : ":" + p)
                    .sorted()
                    .toList();
            if (!undeclared.isEmpty()) {
                return error(
                        err,
                        "the SQL of '" + name + "' uses " + String.join(", ", undeclared)
                                + ", which the saved query does not list: edit it in pgdesk to add "
                                + (undeclared.size() == 1 ? "it" : "them"));
            }
        }
        return query.run(
                new CommandMessages(name(), err),
                queryArguments(target, chosen, values, used, arguments),
                InputStream.nullInputStream(),
                out);
    }

    /**
     * The arguments of {@code pgdesk query} that run {@code chosen} with {@code values}. Only the parameters
     * the SQL uses are passed (a saved one it no longer uses would be refused as extra); a position the SQL
     * skips gets a value nobody reads, as {@code pgdesk query} counts {@code $n} as the n-th value.
     */
    private static List<String> queryArguments(
            String target,
            SavedQuery chosen,
            Map<SavedParameter, String> values,
            Set<String> used,
            CliArguments arguments) {
        List<String> args = new ArrayList<>(List.of(target, QueryCommand.SQL + "=" + chosen.sql()));
        TreeMap<Integer, String> positional = new TreeMap<>();
        for (Map.Entry<SavedParameter, String> entry : values.entrySet()) {
            SavedParameter parameter = entry.getKey();
            if (used != null && !used.contains(parameter.name())) {
                continue;
            }
            if (parameter.isPositional()) {
                positional.put(parameter.number(), entry.getValue());
            } else if (entry.getValue() == null) {
                args.add(QueryCommand.NULL_PARAM + "=" + parameter.name());
            } else {
                args.add(QueryCommand.PARAM + "=" + parameter.name() + "=" + entry.getValue());
            }
        }
        int highest = positional.isEmpty() ? 0 : positional.lastKey();
        for (int number = 1; number <= highest; number++) {
            if (!positional.containsKey(number)) {
                if (used == null || !used.contains("$" + number)) {
                    args.add(QueryCommand.PARAM + "=");
                }
            } else if (positional.get(number) == null) {
                args.add(QueryCommand.NULL_PARAM + "=" + number);
            } else {
                args.add(QueryCommand.PARAM + "=" + positional.get(number));
            }
        }
        PASSED_FLAGS.stream().filter(arguments::has).forEach(args::add);
        for (String option : PASSED_OPTIONS) {
            arguments.value(option).ifPresent(value -> args.add(option + "=" + value));
        }
        return args;
    }

    /**
     * The parameters the SQL uses, named as {@link SavedParameter#name()}; null when it cannot be split, and
     * {@code pgdesk query} then reports why.
     */
    private static Set<String> usedParameters(String sql) {
        try {
            return ScriptPlan.ofScript(sql).parameters().stream()
                    .map(p -> p.style() == ParameterStyle.POSITIONAL ? "$" + p.number() : p.name())
                    .collect(Collectors.toSet());
        } catch (UnsupportedStatementException e) {
            return null;
        }
    }

    /**
     * The profile {@code name} stands for, as {@code pgdesk query} would connect to it: a saved one, else the
     * built-in sample when the name is the sample's (in any letter case).
     */
    private static Optional<ConnectionProfile> profileNamed(
            String name, List<ConnectionProfile> savedProfiles, List<ConnectionProfile> known) {
        if (SampleTarget.names(name)) {
            return SampleTarget.shadowing(savedProfiles)
                    .or(() -> known.stream()
                            .filter(p -> p.id().equals(SampleDatabase.PROFILE_ID))
                            .findFirst());
        }
        return TargetResolver.profileNamed(name, known);
    }

    /** What the user could have meant: every saved name, or that there are none yet. */
    private static String savedNames(SavedQueryStore.LoadResult saved) {
        List<String> names = saved.queries().stream()
                .map(SavedQuery::name)
                .distinct()
                .sorted()
                .toList();
        return names.isEmpty()
                ? "there are no saved queries yet (save one from the editor in the pgdesk window)"
                : "the saved queries are " + String.join(", ", names) + " ('pgdesk saved list' shows them in full)";
    }

    private static String scopes(List<SavedQuery> queries, List<ConnectionProfile> known) {
        return queries.stream().map(q -> SavedCommand.scope(q, known)).collect(Collectors.joining(", "));
    }

    private static int error(PrintStream err, String message) {
        err.println("pgdesk run: " + message);
        return ExitCodes.BAD_ARGUMENTS;
    }

    /** The value of each parameter of a saved query: its default unless the command line gives one. */
    static final class ParameterValues {
        private ParameterValues() {}

        /**
         * @return every parameter of {@code query} with its text; null is SQL NULL
         * @throws CliUsageException an override names no parameter, is given twice, or a parameter without
         *     default gets no value
         */
        static Map<SavedParameter, String> of(SavedQuery query, List<String> params, List<String> nulls)
                throws CliUsageException {
            Map<SavedParameter, String> given = new HashMap<>();
            for (String text : params) {
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    throw new CliUsageException("--param '" + text + "' must be written name=VALUE; the parameters of '"
                            + query.name() + "' are " + known(query));
                }
                put(query, given, text.substring(0, equals), text.substring(equals + 1));
            }
            for (String name : nulls) {
                put(query, given, name, null);
            }
            Map<SavedParameter, String> values = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (SavedParameter parameter : query.parameters()) {
                if (given.containsKey(parameter)) {
                    values.put(parameter, given.get(parameter));
                } else if (parameter.defaultValue() != null) {
                    values.put(parameter, parameter.defaultValue());
                } else {
                    missing.add(parameter.name());
                }
            }
            if (!missing.isEmpty()) {
                throw new CliUsageException("the saved query '" + query.name() + "' has no default for "
                        + String.join(", ", missing) + ": give --param NAME=VALUE (or --null-param NAME) for each");
            }
            return values;
        }

        private static void put(SavedQuery query, Map<SavedParameter, String> given, String name, String value)
                throws CliUsageException {
            String key = name.strip();
            if (key.matches("[0-9]{1,5}")) {
                key = "$" + key;
            }
            SavedParameter parameter = query.parameter(key)
                    .orElseThrow(() -> new CliUsageException("'" + query.name() + "' has no parameter '" + name
                            + "'; its parameters are " + known(query)));
            if (given.containsKey(parameter)) {
                throw new CliUsageException("the parameter " + parameter.name() + " is given more than one value");
            }
            given.put(parameter, value);
        }

        private static String known(SavedQuery query) {
            return query.parameters().isEmpty()
                    ? "none"
                    : query.parameters().stream().map(SavedParameter::name).collect(Collectors.joining(", "));
        }
    }
}
