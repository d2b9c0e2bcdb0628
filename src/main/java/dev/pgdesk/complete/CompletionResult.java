package dev.pgdesk.complete;

import java.util.List;

/**
 * What completion offers at a caret: the candidates, best first, and the range of the script that the
 * chosen candidate's {@link Candidate#text() text} replaces (the word being typed, possibly empty).
 *
 * @param replaceFrom script offset where the replaced range starts
 * @param replaceTo script offset just past it; {@code replaceFrom <= replaceTo}
 * @param candidates best first; empty when there is nothing to offer (for example inside a string)
 */
public record CompletionResult(int replaceFrom, int replaceTo, List<Candidate> candidates) {

    /** Validates the range and copies the list. */
    public CompletionResult {
        if (replaceFrom < 0 || replaceTo < replaceFrom) {
            throw new IllegalArgumentException(
                    "replace range " + replaceFrom + ".." + replaceTo + " must satisfy 0 <= from <= to");
        }
        candidates = List.copyOf(candidates);
    }

    /** Nothing to offer at {@code caret}. */
    public static CompletionResult none(int caret) {
        return new CompletionResult(caret, caret, List.of());
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The script with {@code candidate} applied, for callers without an editor of their own (and tests). */
    public String apply(String script, Candidate candidate) {
        return script.substring(0, replaceFrom) + candidate.text() + script.substring(replaceTo);
    }
}
