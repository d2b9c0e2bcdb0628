package dev.pgdesk.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores candidates against the typed word and keeps the best of each distinct insertion.
 *
 * <p>The score orders, most significant first: the match group (exact, prefix or word-prefix; then
 * substring; then fuzzy), the category the place gives the object (in-scope columns in a WHERE clause,
 * relations on the search path after FROM, ...), the match quality within the group (exact, prefix,
 * word-prefix), the schema's place on the search path, and shorter names first.
 */
final class CandidateCollector {
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::score)
            .reversed()
            .thenComparing(Candidate::label, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Candidate::text);

    private final CaretContext context;
    private final CatalogSnapshot snapshot;
    private final Map<String, Candidate> byInsertion = new HashMap<>();

    CandidateCollector(CaretContext context, CatalogSnapshot snapshot) {
        this.context = context;
        this.snapshot = snapshot;
    }

    /**
     * Offers a named object.
     *
     * @param name the catalog name matched against the typed word
     * @param schema the schema to qualify with when {@code qualify}; null for none
     * @param qualify whether the insertion needs {@code schema.} in front
     * @param kind what it is
     * @param detail the hint beside the label
     * @param category how much the place wants this kind of object, 0..99
     * @param pathRank the schema's standing on the search path, 0..9
     */
    void object(
            String name,
            String schema,
            boolean qualify,
            CandidateKind kind,
            String detail,
            int category,
            int pathRank) {
        object(name, schema, qualify, kind, detail, category, pathRank, name.length());
    }

    /** As {@link #object(String, String, boolean, CandidateKind, String, int, int)}, lowest {@code order} first. */
    void object(
            String name,
            String schema,
            boolean qualify,
            CandidateKind kind,
            String detail,
            int category,
            int pathRank,
            int order) {
        NameMatch match = NameMatch.of(context.typed(), name, context.quoted());
        if (match == NameMatch.NONE) {
            return;
        }
        String spelled = context.quoted() ? Identifiers.quoteAlways(name) : Identifiers.quote(name, snapshot);
        String text = qualify ? Identifiers.quote(schema, snapshot) + "." + spelled : spelled;
        String label = qualify ? schema + "." + name : name;
        add(new Candidate(text, label, kind, detail, score(match, category, pathRank, order)));
    }

    /**
     * Offers a keyword or keyword phrase, written in the case the user types in.
     *
     * @param position the phrase's place in its list, best first; it stands in for the length of a name
     */
    void keyword(String phrase, int category, int position) {
        if (context.quoted()) {
            return;
        }
        NameMatch match = NameMatch.of(context.typed(), phrase, false);
        if (match == NameMatch.SUBSTRING
                && phrase.toLowerCase(Locale.ROOT)
                        .contains(" " + context.typed().toLowerCase(Locale.ROOT))) {
            match = NameMatch.WORD_PREFIX; // "join" finds "LEFT JOIN"
        }
        // Keywords are short and many: only their starts (or a later word's start) are worth matching.
        if (match.tier < NameMatch.PREFIX.tier) {
            return;
        }
        String text = context.upperCaseKeywords() ? phrase.toUpperCase(Locale.ROOT) : phrase.toLowerCase(Locale.ROOT);
        add(new Candidate(text, text, CandidateKind.KEYWORD, "", score(match, category, 0, position)));
    }

    private static int score(NameMatch match, int category, int pathRank, int length) {
        return match.tier * 1_000_000
                + category * 10_000
                + match.quality * 1_000
                + Math.min(9, Math.max(0, pathRank)) * 100
                + Math.max(0, 99 - length);
    }

    private void add(Candidate candidate) {
        String key = candidate.kind() + "\u0000" + candidate.text() + "\u0000" + candidate.detail();
        Candidate existing = byInsertion.get(key);
        if (existing == null || existing.score() < candidate.score()) {
            byInsertion.put(key, candidate);
        }
    }

    /** Up to {@code limit} candidates, best first. */
    List<Candidate> best(int limit) {
        List<Candidate> all = new ArrayList<>(byInsertion.values());
        all.sort(BEST_FIRST);
        return all.size() > limit ? all.subList(0, limit) : all;
    }
}
