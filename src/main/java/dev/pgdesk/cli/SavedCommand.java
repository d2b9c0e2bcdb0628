package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.UnsupportedStatementException;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.sql.ParameterStyle;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code pgdesk saved list|show|save|delete}: the saved queries that {@code pgdesk run} can run. {@code list}
 * and {@code show} only read: they never write a configuration file, whatever state it is in.
 */
final class SavedCommand implements CliCommand {
    private static final String JSON = "--json";
    private static final String PROFILE = RunCommand.PROFILE;
    private static final String SQL = QueryCommand.SQL;
    private static final String DESCRIPTION = "--description";
    private static final String PARAM = QueryCommand.PARAM;

    private final SavedQueryStore store;
    /** The saved profiles, read when needed; a problem with their file goes to the given warnings. */
    private final Function<Consumer<String>, List<ConnectionProfile>> profiles;

    /** The command as {@code pgdesk} runs it: the user's saved queries and profiles. */
    SavedCommand() {
        this(new SavedQueryStore(AppDirectories.forCurrentUser().savedQueriesFile()), (Function<
                        Consumer<String>, List<ConnectionProfile>>)
                warnings -> new SavedProfiles(
                                new ProfileStore(AppDirectories.forCurrentUser().profilesFile()), warnings)
                        .get());
    }

    SavedCommand(SavedQueryStore store, Supplier<List<ConnectionProfile>> profiles) {
        this(store, (Function<Consumer<String>, List<ConnectionProfile>>) warnings -> profiles.get());
    }

    private SavedCommand(SavedQueryStore store, Function<Consumer<String>, List<ConnectionProfile>> profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "saved";
    }

    @Override
    public String summary() {
        return "List, show, save or delete the saved queries";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk saved list [--json]
                       pgdesk saved show <name> [--profile NAME] [--json]
                       pgdesk saved save <name> --sql SQL [--profile NAME] [--description TEXT]
                                         [--param NAME=DEFAULT]...
                       pgdesk saved delete <name> [--profile NAME]

                list   each saved query: name, scope (global or the profile it belongs to),
                       description and parameters with their default values
                show   one saved query with its SQL; with --profile NAME the one saved for that
                       profile is preferred over a global one of the same name
                save   saves SQL under <name>, global or for the profile NAME, replacing the query
                       of that name and scope; each parameter of the SQL ($1, :day) is required
                       unless --param gives it a default ('$1=10', 'day=2026-01-31')
                delete removes the global query <name>, or the one saved for the profile NAME

                Saved queries are also made in the pgdesk window, and run with 'pgdesk run <name>'.
                A saved queries file written by a newer pgdesk is read but never changed: save and
                delete are refused then.
                Exit status: 0 success, 1 the file could not be written, 2 bad arguments or no such
                saved query.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments =
                    CliArguments.parse(args, Set.of(JSON), Set.of(PROFILE, SQL, DESCRIPTION), Set.of(PARAM));
            List<String> positionals = arguments.positionals();
            if (positionals.isEmpty()) {
                throw new CliUsageException(ACTIONS);
            }
            String action = positionals.get(0);
            if (!action.equals("save")
                    && (arguments.value(SQL).isPresent()
                            || arguments.value(DESCRIPTION).isPresent()
                            || !arguments.values(PARAM).isEmpty())) {
                throw new CliUsageException(SQL + ", " + DESCRIPTION + " and " + PARAM + " belong to 'save' only");
            }
            SavedQueryStore.LoadResult saved = store.load();
            saved.problem()
                    .ifPresent(
                            problem -> problem.lines().forEach(line -> err.println("pgdesk saved: warning: " + line)));
            List<ConnectionProfile> known =
                    SampleTarget.withSample(profiles.apply(line -> err.println("pgdesk saved: warning: " + line)));
            switch (action) {
                case "list" -> {
                    if (positionals.size() != 1 || arguments.value(PROFILE).isPresent()) {
                        throw new CliUsageException("'list' takes no name and no --profile");
                    }
                    list(saved.queries(), known, arguments.has(JSON), out);
                    return ExitCodes.OK;
                }
                case "show" -> {
                    if (positionals.size() != 2) {
                        throw new CliUsageException("'show' takes the name of one saved query");
                    }
                    return show(saved, positionals.get(1), arguments, known, out, err);
                }
                case "save", "delete" -> {
                    if (positionals.size() != 2) {
                        throw new CliUsageException("'" + action + "' takes the name of one saved query");
                    }
                    if (arguments.has(JSON)) {
                        throw new CliUsageException("'" + action + "' takes no --json");
                    }
                    return change(action, positionals.get(1), arguments, known, out, err);
                }
                default -> throw new CliUsageException("unknown action '" + action + "': " + ACTIONS);
            }
        } catch (CliUsageException e) {
            err.println("pgdesk saved: " + e.getMessage());
            err.println("Run 'pgdesk saved --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        }
    }

    private static final String ACTIONS = "say 'list', 'show <name>', 'save <name> --sql SQL' or 'delete <name>'";

    /** Saves or deletes one query; the store refuses to write a file it must not change, and says why. */
    private int change(
            String action,
            String name,
            CliArguments arguments,
            List<ConnectionProfile> known,
            PrintStream out,
            PrintStream err)
            throws CliUsageException {
        String profileId = null;
        Optional<String> profileName = arguments.value(PROFILE);
        if (profileName.isPresent()) {
            profileId = known.stream()
                    .filter(p -> p.name().equals(profileName.get()))
                    .map(ConnectionProfile::id)
                    .findFirst()
                    .orElseThrow(() -> new CliUsageException("no saved profile '" + profileName.get()
                            + "'; the profiles are named as in the pgdesk window (exact letter case)"));
        }
        String scope = profileName.map(p -> "profile " + p).orElse("global");
        try {
            if (action.equals("delete")) {
                if (!store.delete(name, profileId)) {
                    err.println("pgdesk saved: no saved query '" + name + "' (" + scope
                            + "); run 'pgdesk saved list' to see them");
                    return ExitCodes.BAD_ARGUMENTS;
                }
                out.println("Deleted the saved query '" + name + "' (" + scope + ").");
                return ExitCodes.OK;
            }
            String sql = arguments.value(SQL).orElseThrow(() -> new CliUsageException("'save' needs " + SQL + " SQL"));
            SavedQuery query;
            try {
                query = SavedQuery.create(
                        name,
                        arguments.value(DESCRIPTION).orElse(""),
                        sql,
                        parameters(sql, arguments.values(PARAM)),
                        profileId);
            } catch (IllegalArgumentException e) {
                throw new CliUsageException(e.getMessage());
            }
            store.put(query);
            out.println("Saved the query '" + name + "' (" + scope + "); run it with 'pgdesk run " + name + "'.");
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("pgdesk saved: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** The parameters {@code sql} uses, in order, each required unless {@code defaults} gives it a value. */
    private static List<SavedParameter> parameters(String sql, List<String> defaults) throws CliUsageException {
        Set<String> used = new LinkedHashSet<>();
        try {
            ScriptPlan.ofScript(sql).parameters().stream()
                    .map(p -> p.style() == ParameterStyle.POSITIONAL ? "$" + p.number() : p.name())
                    .forEach(used::add);
        } catch (UnsupportedStatementException e) {
            throw new CliUsageException("the SQL cannot be saved: " + e.getMessage());
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String text : defaults) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new CliUsageException(
                        PARAM + " takes NAME=DEFAULT, such as '$1=10' or 'day=2026-01-31', not '" + text + "'");
            }
            String parameter = text.substring(0, equals).strip();
            parameter = parameter.startsWith(":") ? parameter.substring(1) : parameter;
            if (!used.contains(parameter)) {
                throw new CliUsageException("the SQL has no parameter " + (parameter.startsWith("$") ? "" : ":")
                        + parameter + (used.isEmpty() ? "" : "; it has " + String.join(", ", used)));
            }
            given.put(parameter, text.substring(equals + 1));
        }
        List<SavedParameter> parameters = new ArrayList<>();
        for (String parameter : used) {
            parameters.add(
                    given.containsKey(parameter)
                            ? SavedParameter.withDefault(parameter, given.get(parameter))
                            : SavedParameter.required(parameter));
        }
        return parameters;
    }

    private static void list(List<SavedQuery> queries, List<ConnectionProfile> known, boolean json, PrintStream out) {
        if (json) {
            ObjectNode root = JsonOutput.object();
            ArrayNode array = root.putArray("queries");
            queries.forEach(query -> array.add(toJson(query, known, false)));
            JsonOutput.print(out, root);
            return;
        }
        if (queries.isEmpty()) {
            out.println("No saved queries. Save one in the pgdesk window, then run it with 'pgdesk run <name>'.");
            return;
        }
        for (SavedQuery query : queries) {
            out.println(query.name() + "  (" + scope(query, known) + ")"
                    + (query.description().isBlank() ? "" : "  " + OneLine.of(query.description(), 100)));
            if (!query.parameters().isEmpty()) {
                out.println("    parameters: " + parameters(query));
            }
        }
    }

    private int show(
            SavedQueryStore.LoadResult saved,
            String name,
            CliArguments arguments,
            List<ConnectionProfile> known,
            PrintStream out,
            PrintStream err) {
        Optional<String> profileName = arguments.value(PROFILE);
        Optional<SavedQuery> query;
        if (profileName.isPresent()) {
            Optional<ConnectionProfile> profile = TargetResolver.profileNamed(profileName.get(), known);
            if (profile.isEmpty()) {
                err.println("pgdesk saved: no saved profile named '" + profileName.get() + "'; the profiles are "
                        + known.stream().map(ConnectionProfile::name).collect(Collectors.joining(", ")) + ".");
                return ExitCodes.BAD_ARGUMENTS;
            }
            query = saved.find(name, profile.get().id());
        } else {
            List<SavedQuery> named = saved.named(name);
            query = named.stream()
                    .filter(SavedQuery::isGlobal)
                    .findFirst()
                    .or(() -> named.stream().findFirst());
        }
        if (query.isEmpty()) {
            err.println("pgdesk saved: no saved query '" + name + "'; run 'pgdesk saved list' to see them");
            return ExitCodes.BAD_ARGUMENTS;
        }
        SavedQuery q = query.get();
        if (arguments.has(JSON)) {
            JsonOutput.print(out, toJson(q, known, true));
            return ExitCodes.OK;
        }
        out.println("name:        " + q.name());
        out.println("scope:       " + scope(q, known));
        if (!q.description().isBlank()) {
            out.println("description: " + q.description());
        }
        out.println("parameters:  " + (q.parameters().isEmpty() ? "none" : parameters(q)));
        out.println("created:     " + q.created());
        out.println("updated:     " + q.updated());
        out.println();
        out.println(q.sql().strip());
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(SavedQuery query, List<ConnectionProfile> known, boolean withSql) {
        ObjectNode node = JsonOutput.object();
        node.put("name", query.name());
        node.put("scope", query.isGlobal() ? "global" : "profile");
        if (!query.isGlobal()) {
            node.put("profileId", query.profileId());
            node.put("profile", profileName(query, known).orElse(null));
        }
        node.put("description", query.description());
        ArrayNode parameters = node.putArray("parameters");
        for (SavedParameter parameter : query.parameters()) {
            ObjectNode p = parameters.addObject();
            p.put("name", parameter.name());
            p.put("default", parameter.defaultValue());
            p.put("type", parameter.typeHint());
        }
        if (withSql) {
            node.put("sql", query.sql());
        }
        node.put("created", query.created().toString());
        node.put("updated", query.updated().toString());
        return node;
    }

    /** {@code global} or {@code profile prod}, for messages and lists. */
    static String scope(SavedQuery query, List<ConnectionProfile> known) {
        if (query.isGlobal()) {
            return "global";
        }
        return profileName(query, known)
                .map(name -> "profile " + name)
                .orElse("a deleted profile, id " + query.profileId());
    }

    private static Optional<String> profileName(SavedQuery query, List<ConnectionProfile> known) {
        return known.stream()
                .filter(p -> p.id().equals(query.profileId()))
                .map(ConnectionProfile::name)
                .findFirst();
    }

    private static String parameters(SavedQuery query) {
        return query.parameters().stream()
                .map(p -> p.name()
                        + (p.typeHint() == null ? "" : " " + p.typeHint())
                        + (p.defaultValue() == null ? " (required)" : " = " + p.defaultValue()))
                .collect(Collectors.joining(", "));
    }
}
