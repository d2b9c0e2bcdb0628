package dev.pgdesk.saved;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code pgdesk run} command line that runs a saved query, as a POSIX shell would read it: {@code pgdesk
 * run daily_report --profile 'Sales DB' --param day=2026-11-21}. Every parameter with a default is passed
 * with that value so the line can be edited; one without a default is left out, so running the line as it
 * is makes {@code pgdesk run} say which value is missing instead of guessing one.
 */
public final class SavedQueryCommandLine {
    /** Characters a shell word may hold without quoting. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** What stands for the profile in {@link #withProfileToChoose}. */
    public static final String PROFILE_PLACEHOLDER = "NAME";

    private SavedQueryCommandLine() {}

    /**
     * The command that runs {@code query} against the saved profile {@code profileName}.
     *
     * @param profileName the name of the saved connection profile to run it on (for a query of a profile, that
     *     profile's name); null leaves {@code --profile} out, which only works for a query of a profile
     */
    public static String of(SavedQuery query, String profileName) {
        Objects.requireNonNull(query, "Which saved query should the command run?");
        return build(query, profileName == null ? null : quote(profileName));
    }

    /**
     * The command for a global query before a connection is chosen: {@code pgdesk run daily_revenue --profile
     * NAME --param since=2025-06-01}, with {@code NAME} left for the user to replace.
     */
    public static String withProfileToChoose(SavedQuery query) {
        Objects.requireNonNull(query, "Which saved query should the command run?");
        return build(query, PROFILE_PLACEHOLDER);
    }

    /** @param profileWord the profile already written as a shell word, or null to leave {@code --profile} out */
    private static String build(SavedQuery query, String profileWord) {
        List<String> words = new ArrayList<>(List.of("pgdesk", "run", quote(query.name())));
        if (profileWord != null) {
            words.add("--profile");
            words.add(profileWord);
        }
        for (SavedParameter parameter : query.parameters()) {
            if (parameter.defaultValue() != null) {
                words.add("--param");
                words.add(quote(parameter.name() + "=" + parameter.defaultValue()));
            }
        }
        return String.join(" ", words);
    }

    /**
     * {@code word} as one POSIX shell word: unchanged when it holds only safe characters, otherwise in single
     * quotes, with each single quote written as {@code '\''}.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
