package dev.pgdesk.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement ready to run: the text as the user wrote it (for messages and history), the same statement
 * rewritten for pgjdbc ({@code $n} replaced by {@code ?}, literal {@code ?} doubled), and one value per
 * {@code ?} in order, so a {@code $2} used twice appears twice here.
 */
public record BoundStatement(String text, String jdbcSql, List<ParameterValue> values) {
    public BoundStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(jdbcSql, "jdbcSql");
        values = List.copyOf(values);
    }

    /**
     * How the user wrote the parameter behind the {@code placeholder}-th {@code ?} (1-based), as the server
     * numbers them in its messages ({@code $1} there may be {@code :id} or a second use of {@code $2} here);
     * empty when there is no such placeholder or pgdesk bound the value itself.
     */
    public Optional<String> parameterLabel(int placeholder) {
        if (placeholder < 1 || placeholder > values.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(values.get(placeholder - 1).label());
    }

    /** A statement without parameters whose text needs no rewriting (it contains no {@code ?}). */
    public static BoundStatement of(String text) {
        if (text.indexOf('?') >= 0) {
            throw new IllegalArgumentException(
                    "The statement contains '?': rewrite it for the driver first (literal ? must be doubled).");
        }
        return new BoundStatement(text, text, List.of());
    }
}
