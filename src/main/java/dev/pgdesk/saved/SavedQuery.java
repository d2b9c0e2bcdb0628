package dev.pgdesk.saved;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named query with its parameters, runnable from the GUI and with {@code pgdesk run <name>}.
 *
 * @param name letters, digits, {@code _} and {@code -}; unique within its scope
 * @param description free text for lists; empty when there is none
 * @param sql the statement or script, with {@code $N} or {@code :name} parameters
 * @param parameters the parameters in the order they are shown, each name at most once
 * @param profileId the id of the saved connection profile the query belongs to, or null for a global query
 *     (one that runs against any target)
 * @param created when the query was first saved
 * @param updated when it was last changed
 */
public record SavedQuery(
        String name,
        String description,
        String sql,
        List<SavedParameter> parameters,
        String profileId,
        Instant created,
        Instant updated) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public SavedQuery {
        checkName(name);
        description = description == null ? "" : description;
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The saved query '" + name + "' has no SQL: write the query to save");
        }
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        Set<String> seen = new HashSet<>();
        for (SavedParameter parameter : parameters) {
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException(
                        "The saved query '" + name + "' lists the parameter " + parameter.label() + " twice: keep one");
            }
        }
        if (profileId != null && profileId.isBlank()) {
            profileId = null;
        }
        if (created == null || updated == null) {
            throw new IllegalArgumentException("The saved query '" + name + "' needs its created and updated times");
        }
    }

    /** A new query saved now. */
    public static SavedQuery create(
            String name, String description, String sql, List<SavedParameter> parameters, String profileId) {
        Instant now = Instant.now();
        return new SavedQuery(name, description, sql, parameters, profileId, now, now);
    }

    /**
     * Checks a name for a saved query.
     *
     * @throws IllegalArgumentException saying what is wrong with it and what is allowed
     */
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A saved query needs a name (letters, digits, _ and -)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The name '" + name + "' is not allowed for a saved query: use only"
                    + " letters A-Z and a-z, digits, _ and - (at most 100), such as daily_report");
        }
    }

    public boolean isGlobal() {
        return profileId == null;
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profileId);
    }

    /** Whether this query has the same scope as {@code other}: both global or both of the same profile. */
    public boolean sameScope(String otherProfileId) {
        return isGlobal() ? otherProfileId == null || otherProfileId.isBlank() : profileId.equals(otherProfileId);
    }

    /** The parameter called {@code name} ({@code $1}, {@code day} or {@code :day}). */
    public Optional<SavedParameter> parameter(String name) {
        String bare = name.startsWith(":") ? name.substring(1) : name;
        return parameters.stream().filter(p -> p.name().equals(bare)).findFirst();
    }

    /** This query with another name, updated now. */
    public SavedQuery renamed(String newName) {
        return new SavedQuery(newName, description, sql, parameters, profileId, created, Instant.now());
    }

    /** This query as it replaces {@code previous}: the creation time stays, the update time is now. */
    public SavedQuery replacing(SavedQuery previous) {
        return new SavedQuery(name, description, sql, parameters, profileId, previous.created(), Instant.now());
    }
}
