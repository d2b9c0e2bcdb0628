package dev.pgdesk.explain;

import dev.pgdesk.query.Notice;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan the server returned, parsed and analysed.
 *
 * @param statement the statement as the user wrote it
 * @param mode plain EXPLAIN or EXPLAIN ANALYZE
 * @param plan the parsed plan
 * @param analysis self times, shares, estimate errors and marks per node
 * @param json the server's JSON exactly as returned, for copying or saving
 * @param rolledBack whether the statement ran (ANALYZE) inside a transaction or savepoint that was then
 *     rolled back
 * @param modifyingCommand the data-modifying command ({@link StatementKind#modifyingCommand}); {@code null}
 *     for a statement that only reads
 * @param notices what the server said while explaining (e.g. RAISE NOTICE of functions under ANALYZE)
 * @param duration wall-clock time of the EXPLAIN statement
 */
public record ExplainedPlan(
        String statement,
        ExplainMode mode,
        Plan plan,
        PlanAnalysis analysis,
        String json,
        boolean rolledBack,
        String modifyingCommand,
        List<Notice> notices,
        Duration duration)
        implements ExplainOutcome {
    public ExplainedPlan {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(json, "json");
        notices = List.copyOf(notices);
    }

    @Override
    public Optional<String> rollbackMessage() {
        return rolledBack && modifyingCommand != null
                ? Optional.of(ExplainOutcome.rollbackMessage(modifyingCommand))
                : Optional.empty();
    }
}
