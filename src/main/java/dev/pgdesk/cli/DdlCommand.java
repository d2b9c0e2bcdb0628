package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.schema.DatabaseObject;
import dev.pgdesk.schema.DdlGenerator;
import dev.pgdesk.schema.ObjectNotFoundException;
import dev.pgdesk.schema.ObjectResolver;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code pgdesk ddl}: prints the DDL the navigator shows for one object. */
final class DdlCommand implements CliCommand {
    private final TargetResolver targets;

    /** The command as {@code pgdesk} runs it: saved profiles, the environment, the keyring. */
    DdlCommand() {
        this(TargetResolver.forCurrentUser());
    }

    /** For tests: where targets and passwords come from. */
    DdlCommand(TargetResolver targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "ddl";
    }

    @Override
    public String summary() {
        return "Print the DDL of a table, view, function, index, trigger, sequence or type";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk ddl <target> <object> [--no-password]

                Prints SQL that recreates the object. Tables are reconstructed from the catalogs with
                their columns, defaults, identity and generated columns, constraints (including foreign
                keys and checks), indexes, triggers and comments; views, materialized views, functions,
                procedures, indexes and triggers come from the server's pg_get_*def functions; sequences
                and enum, composite and domain types are written out in full. Names other than the
                built-in ones are schema-qualified, so the output does not depend on a search path.
                Owners and grants are not included.

                <object> names one object, its kind found automatically:
                  name                    looked up on the search path (tables first, then types,
                                          functions, triggers)
                  schema.name             in that schema
                  name(type, ...)         one of several functions with the same name, by argument
                                          types, for example 'customer_order_count(integer)'
                  table.trigger           a trigger on a table (also schema.table.trigger)
                Unquoted names are folded to lower case; quote mixed-case names for the shell and for
                SQL: '"MyTable"'.

                <target> is a connection URI, a key=value string or the name of a saved profile.
                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                Exit status: 0 done, 2 bad arguments or no such object (or a function name that
                needs its argument types), 3 connection failed, 4 SQL error.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return runOnTarget(args, out, err);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        String target;
        String object;
        try {
            arguments = CliArguments.parse(args, Set.of(SessionOpener.NO_PASSWORD), Set.of());
            List<String> positionals = arguments.positionals();
            if (positionals.size() != 2) {
                throw new CliUsageException("expected a target and an object name, got " + positionals.size()
                        + (positionals.size() == 1 ? " argument" : " arguments"));
            }
            target = positionals.get(0);
            object = positionals.get(1);
        } catch (CliUsageException e) {
            return usageError(err, e.getMessage());
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(
                    target,
                    warning -> err.println("pgdesk ddl: warning: " + warning),
                    line -> err.println("pgdesk ddl: " + line));
        } catch (ConnInfoException e) {
            err.println("pgdesk ddl: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        try (PoolManager pools = new PoolManager()) {
            PooledSession session;
            try {
                session =
                        targets.opener(arguments.has(SessionOpener.NO_PASSWORD)).open(pools, settings);
            } catch (SQLException e) {
                return ConnectionFailureReport.print(err, name(), settings.profile(), e);
            }
            try {
                String ddl = session.execute(connection -> {
                    DatabaseObject found = new ObjectResolver(connection).resolve(object);
                    return new DdlGenerator(connection).ddl(found);
                });
                out.print(ddl);
                out.flush();
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return usageError(err, e.getMessage());
            } catch (ObjectNotFoundException e) {
                err.println("pgdesk ddl: " + e.getMessage());
                return ExitCodes.BAD_ARGUMENTS;
            } catch (SQLException e) {
                err.println("pgdesk ddl: " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
                return ExitCodes.SQL_ERROR;
            }
        }
    }

    private static int usageError(PrintStream err, String message) {
        err.println("pgdesk ddl: " + message);
        err.println("Run 'pgdesk ddl --help' for usage.");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
