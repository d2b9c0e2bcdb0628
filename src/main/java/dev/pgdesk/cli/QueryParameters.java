package dev.pgdesk.cli;

import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ParameterStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Matches the {@code --param} and {@code --null-param} values of {@code pgdesk query} to the parameters of
 * a script, before anything is sent. {@code --param VALUE} values go to {@code $1}, {@code $2}, ... by
 * number, skipping the numbers {@code --null-param N} made NULL; {@code --param name=VALUE} sets {@code
 * :name}. A missing or extra value is a usage error that names it.
 */
final class QueryParameters {
    private static final Pattern NUMBER = Pattern.compile("\\$?([0-9]{1,5})");

    private QueryParameters() {}

    /**
     * The text of each parameter of the script in the order of {@code parameters}; a {@code null} text is
     * SQL NULL.
     *
     * @param parameters the distinct parameters of the script
     * @param values the {@code --param} values in command-line order
     * @param nulls the {@code --null-param} values: {@code 2}, {@code $2}, {@code name} or {@code :name}
     * @throws CliUsageException a value is missing, extra, given twice, or names no parameter of the script
     */
    static Map<Parameter, String> assign(List<Parameter> parameters, List<String> values, List<String> nulls)
            throws CliUsageException {
        TreeSet<Integer> numbers = new TreeSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Parameter parameter : parameters) {
            if (parameter.style() == ParameterStyle.POSITIONAL) {
                numbers.add(parameter.number());
            } else {
                names.add(parameter.name());
            }
        }
        Map<Parameter, String> given = new LinkedHashMap<>();
        Set<Parameter> nulled = new LinkedHashSet<>();
        for (String text : nulls) {
            Parameter parameter = nullTarget(text, numbers, names);
            if (!nulled.add(parameter)) {
                throw new CliUsageException("--null-param " + parameter.label() + " is given twice");
            }
        }
        List<String> positionalValues = new ArrayList<>();
        for (String text : values) {
            int equals = text.indexOf('=');
            // Names are matched as the lexer read them, so any name it accepts (ünï, a$b) works here.
            if (equals > 0 && names.contains(text.substring(0, equals))) {
                Parameter parameter = Parameter.named(text.substring(0, equals));
                if (nulled.contains(parameter) || given.containsKey(parameter)) {
                    throw new CliUsageException(parameter.label() + " is given more than one value");
                }
                given.put(parameter, text.substring(equals + 1));
            } else if (numbers.isEmpty()) {
                throw new CliUsageException(unexpectedValue(text, names));
            } else {
                positionalValues.add(text);
            }
        }
        assignPositional(numbers, nulled, positionalValues, given);
        List<String> missing = new ArrayList<>();
        Map<Parameter, String> assigned = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (nulled.contains(parameter)) {
                assigned.put(parameter, null);
            } else if (given.containsKey(parameter)) {
                assigned.put(parameter, given.get(parameter));
            } else {
                missing.add(parameter.label());
            }
        }
        if (!missing.isEmpty()) {
            // Only named parameters can be missing here: positional ones were counted above.
            throw new CliUsageException("no value for " + String.join(", ", missing)
                    + ": pass --param name=VALUE for each (or --null-param name for NULL)");
        }
        return assigned;
    }

    /** {@code $1}, {@code $2}, ... in order of number, each from the next value unless it is NULL. */
    private static void assignPositional(
            TreeSet<Integer> numbers, Set<Parameter> nulled, List<String> values, Map<Parameter, String> given)
            throws CliUsageException {
        int highest = numbers.isEmpty() ? 0 : numbers.last();
        List<String> missing = new ArrayList<>();
        int next = 0;
        for (int number = 1; number <= highest; number++) {
            Parameter parameter = Parameter.positional(number);
            if (nulled.contains(parameter)) {
                continue;
            }
            if (next < values.size()) {
                // A number the script skips still takes its value: $n is the n-th value, as on the server.
                String value = values.get(next++);
                if (numbers.contains(number)) {
                    given.put(parameter, value);
                }
            } else if (numbers.contains(number)) {
                missing.add(parameter.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new CliUsageException("no value for " + String.join(", ", missing) + ": the script uses "
                    + range(highest) + ", so give one --param per parameter in order (--null-param N for NULL); "
                    + values.size() + " given");
        }
        if (next < values.size()) {
            List<String> extra = values.subList(next, values.size());
            throw new CliUsageException("too many --param values: the script uses " + range(highest) + " but "
                    + values.size() + " were given; extra: "
                    + extra.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")));
        }
    }

    private static Parameter nullTarget(String text, Set<Integer> numbers, Set<String> names) throws CliUsageException {
        Matcher number = NUMBER.matcher(text.strip());
        if (number.matches()) {
            int n = Integer.parseInt(number.group(1));
            if (!numbers.contains(n)) {
                throw new CliUsageException(
                        "--null-param " + text + ": the script has no $" + n + " (" + describe(numbers, names) + ")");
            }
            return Parameter.positional(n);
        }
        String name = text.strip().startsWith(":") ? text.strip().substring(1) : text.strip();
        if (names.contains(name)) {
            return Parameter.named(name);
        }
        throw new CliUsageException("--null-param " + text + " names no parameter of the script ("
                + describe(numbers, names) + "); write a number such as 2 for $2, or a name such as id for :id");
    }

    private static String unexpectedValue(String text, Set<String> names) {
        if (names.isEmpty()) {
            return "--param '" + text + "' given, but the script has no parameters";
        }
        return "--param '" + text + "' sets none of the script's parameters (" + describe(Set.of(), names)
                + "): write it as --param name=VALUE";
    }

    private static String describe(Set<Integer> numbers, Set<String> names) {
        List<String> labels = new ArrayList<>();
        numbers.forEach(n -> labels.add("$" + n));
        names.forEach(n -> labels.add(":" + n));
        return labels.isEmpty() ? "it has none" : "it has " + String.join(", ", labels);
    }

    private static String range(int highest) {
        return highest == 1 ? "$1" : "$1 to $" + highest;
    }
}
