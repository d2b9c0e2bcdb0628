package dev.pgdesk.query;

import java.util.List;
import java.util.Objects;

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

    /** A statement without parameters whose text needs no rewriting (it contains no {@code ?}). */
    public static BoundStatement of(String text) {
        if (text.indexOf('?') >= 0) {
            throw new IllegalArgumentException(
                    "The statement contains '?': rewrite it for the driver first (literal ? must be doubled).");
        }
        return new BoundStatement(text, text, List.of());
    }
}
