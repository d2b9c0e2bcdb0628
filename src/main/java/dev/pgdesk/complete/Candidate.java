package dev.pgdesk.complete;

/**
 * One completion offered at the caret.
 *
 * @param text what replaces the typed prefix, spelled as it must be written (quoted where needed,
 *     schema-qualified when not on the search path, keywords in the case the user types)
 * @param label what the popup shows as the candidate's name
 * @param kind what it is, for an icon
 * @param detail a hint shown beside the label: a column's type and table, a function's signature, a
 *     relation's kind and schema; may be empty
 * @param score the ranking; higher is better. Candidates arrive sorted already; the number is only
 *     comparable within one {@link CompletionResult}
 */
public record Candidate(String text, String label, CandidateKind kind, String detail, int score) {

    /** Validates the fields. */
    public Candidate {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs text to insert");
        }
        if (label == null || label.isEmpty() || kind == null || detail == null) {
            throw new IllegalArgumentException(
                    "candidate " + text + " needs a label, a kind and a detail (\"\" for none)");
        }
    }
}
