package dev.pgdesk.explain;

import java.util.Objects;

/**
 * A reason to look at a plan node, in words for the user, e.g. {@code Seq Scan on orders reads 100,000
 * rows to keep 12: an index on (customer_id) may help}.
 */
public record PlanMark(MarkKind kind, String message) {
    public PlanMark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
