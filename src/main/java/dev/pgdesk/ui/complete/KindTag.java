package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.CandidateKind;
import java.util.Locale;

/** The short tag the popup shows in front of a candidate, and the style class that colours it. */
final class KindTag {
    private KindTag() {}

    /** A few letters naming the kind: "tbl", "col", "fn", ... */
    static String text(CandidateKind kind) {
        return switch (kind) {
            case KEYWORD -> "kw";
            case SCHEMA -> "sch";
            case TABLE -> "tbl";
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "mv";
            case FOREIGN_TABLE -> "ft";
            case ALIAS -> "as";
            case COLUMN -> "col";
            case FUNCTION -> "fn";
            case AGGREGATE -> "agg";
            case WINDOW_FUNCTION -> "win";
            case PROCEDURE -> "proc";
        };
    }

    /** What the tag says in full, for its tooltip and for screen readers. */
    static String description(CandidateKind kind) {
        return switch (kind) {
            case MATERIALIZED_VIEW -> "materialized view";
            case FOREIGN_TABLE -> "foreign table";
            case ALIAS -> "name defined in this statement";
            case WINDOW_FUNCTION -> "window function";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The style class of the tag: {@code completion-kind-table}, {@code completion-kind-column}, ... */
    static String styleClass(CandidateKind kind) {
        return "completion-kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
