package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code pgdesk saved list|show}: the saved queries that {@code pgdesk run} can run. */
final class SavedCommand implements CliCommand {
    private static final String JSON = "--json";
    private static final String PROFILE = RunCommand.PROFILE;

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
        return "List the saved queries, or show one with its SQL and parameters";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk saved list [--json]
                       pgdesk saved show <name> [--profile NAME] [--json]

                list   each saved query: name, scope (global or the profile it belongs to),
                       description and parameters with their default values
                show   one saved query with its SQL; with --profile NAME the one saved for that
                       profile is preferred over a global one of the same name

                Saved queries are made in the pgdesk window and run with 'pgdesk run <name>'.
                Exit status: 0 success, 2 bad arguments or no such saved query.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments = CliArguments.parse(args, Set.of(JSON), Set.of(PROFILE));
            List<String> positionals = arguments.positionals();
            if (positionals.isEmpty()) {
                throw new CliUsageException("say 'list' or 'show <name>'");
            }
            SavedQueryStore.LoadResult saved = store.load();
            saved.problem()
                    .ifPresent(
                            problem -> problem.lines().forEach(line -> err.println("pgdesk saved: warning: " + line)));
            List<ConnectionProfile> known =
                    SampleTarget.withSample(profiles.apply(line -> err.println("pgdesk saved: warning: " + line)));
            switch (positionals.get(0)) {
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
                default ->
                    throw new CliUsageException(
                            "unknown action '" + positionals.get(0) + "': say 'list' or" + " 'show <name>'");
            }
        } catch (CliUsageException e) {
            err.println("pgdesk saved: " + e.getMessage());
            err.println("Run 'pgdesk saved --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        }
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
