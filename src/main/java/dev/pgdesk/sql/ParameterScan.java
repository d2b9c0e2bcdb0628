package dev.pgdesk.sql;

import java.util.List;

/**
 * The parameters of one statement: one entry per distinct parameter, positional ones in number order
 * ({@code $1, $2, $5}), named ones in order of first appearance.
 *
 * @param style the one style the statement uses, or {@link ParameterStyle#NONE}
 * @param parameters the distinct parameters, empty for {@link ParameterStyle#NONE}
 */
public record ParameterScan(ParameterStyle style, List<Parameter> parameters) {

    /** Copies the list and checks it matches the style. */
    public ParameterScan {
        parameters = List.copyOf(parameters);
        if ((style == ParameterStyle.NONE) != parameters.isEmpty()) {
            throw new IllegalArgumentException("style " + style + " does not fit " + parameters.size() + " parameters");
        }
        if (parameters.stream().anyMatch(p -> p.style() != style)) {
            throw new IllegalArgumentException("every parameter must be of style " + style + ": " + parameters);
        }
    }

    /** Whether the statement has any parameter. */
    public boolean hasParameters() {
        return !parameters.isEmpty();
    }
}
