package dev.pgdesk.complete;

import java.util.Locale;

/**
 * How well a name matches what the user typed, from an exact match down to a loose subsequence. Unquoted
 * input matches in any case; input after an opening double quote matches the name's exact spelling first.
 */
enum NameMatch {
    /** Nothing in common. */
    NONE(0, 0),
    /** The typed letters appear in order, with gaps ({@code ordid} in {@code order_id}). */
    FUZZY(1, 0),
    /** The typed text appears inside the name, or matches a quoted prefix only when case is ignored. */
    SUBSTRING(2, 0),
    /** The typed text starts a later word of the name ({@code id} in {@code customer_id}). */
    WORD_PREFIX(3, 1),
    /** The name starts with the typed text. */
    PREFIX(3, 2),
    /** The name is the typed text. */
    EXACT(3, 3);

    /** The coarse group: every top-group match ranks above every substring match, whatever the object. */
    final int tier;
    /** The order within the top group. */
    final int quality;

    NameMatch(int tier, int quality) {
        this.tier = tier;
        this.quality = quality;
    }

    /**
     * Matches {@code name} against {@code typed}.
     *
     * @param typed the prefix as typed (without an opening quote); empty matches everything as a prefix
     * @param quoted whether the user opened a double quote, so case matters
     */
    static NameMatch of(String typed, String name, boolean quoted) {
        if (typed.isEmpty()) {
            return PREFIX;
        }
        if (quoted) {
            if (name.equals(typed)) {
                return EXACT;
            }
            if (name.startsWith(typed)) {
                return PREFIX;
            }
        }
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (quoted) {
            return lowerName.startsWith(lowerTyped) ? SUBSTRING : NONE;
        }
        if (lowerName.equals(lowerTyped)) {
            return EXACT;
        }
        if (lowerName.startsWith(lowerTyped)) {
            return PREFIX;
        }
        if (lowerName.contains("_" + lowerTyped)) {
            return WORD_PREFIX;
        }
        // One letter inside a name matches far too much to help.
        if (lowerTyped.length() >= 2 && lowerName.contains(lowerTyped)) {
            return SUBSTRING;
        }
        if (lowerTyped.length() >= 3 && isSubsequence(lowerTyped, lowerName)) {
            return FUZZY;
        }
        return NONE;
    }

    private static boolean isSubsequence(String typed, String name) {
        int at = 0;
        for (int i = 0; i < name.length() && at < typed.length(); i++) {
            if (name.charAt(i) == typed.charAt(at)) {
                at++;
            }
        }
        return at == typed.length();
    }
}
