package dev.pgdesk.ui.query;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryParameter;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.history.RememberedValue;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tab's runs leave behind: a history entry per statement, and the parameter values per statement
 * text so the next run offers them again. Called off the FX thread; both stores are thread-safe.
 */
final class RunMemory {
    private final HistoryStore history;
    private final ParameterMemory parameters;
    private final String profileId;
    private final String profileName;

    RunMemory(HistoryStore history, ParameterMemory parameters, String profileId, String profileName) {
        this.history = history;
        this.parameters = parameters;
        this.profileId = profileId;
        this.profileName = profileName;
    }

    /** Adds a statement's outcome, with the values it was bound to, to the history. */
    void record(StatementOutcome outcome, Map<Parameter, ParameterValue> values) throws IOException {
        List<HistoryParameter> used = new ArrayList<>();
        for (Parameter parameter : Parameters.scan(outcome.statement().text()).parameters()) {
            ParameterValue value = values.get(parameter);
            if (value != null) {
                used.add(new HistoryParameter(
                        parameter.label(), value.typeName(), value.isNull() ? null : String.valueOf(value.value())));
            }
        }
        StatementResult result = outcome.result();
        history.append(new HistoryEntry(
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                profileId,
                profileName,
                outcome.statement().text(),
                used,
                result.duration().toMillis(),
                rows(result),
                outcomeOf(result),
                ResultText.describe(result)));
    }

    private static Long rows(StatementResult result) {
        if (result instanceof RowsResult rows) {
            return (long) rows.rows().size();
        }
        return result instanceof UpdateResult update ? update.rowsAffected() : null;
    }

    private static Outcome outcomeOf(StatementResult result) {
        if (result instanceof ServerError error) {
            return ServerError.QUERY_CANCELED.equals(error.sqlState()) ? Outcome.CANCELLED : Outcome.ERROR;
        }
        return Outcome.SUCCESS;
    }

    /**
     * Remembers the values by statement, so each statement recalls them later in any script it is part of.
     *
     * @param values the value of each parameter label of the run
     */
    void remember(ScriptPlan plan, Map<String, RememberedValue> values) throws IOException {
        for (ScriptStatement statement : plan.statements()) {
            Map<String, RememberedValue> own = new LinkedHashMap<>();
            for (Parameter parameter : Parameters.scan(statement.text()).parameters()) {
                RememberedValue value = values.get(parameter.label());
                if (value != null) {
                    own.put(parameter.label(), value);
                }
            }
            if (!own.isEmpty()) {
                parameters.remember(statement.text(), own);
            }
        }
    }

    /** The values the plan's statements last ran with; the first statement that knows a label wins. */
    Map<String, RememberedValue> recall(ScriptPlan plan) {
        Map<String, RememberedValue> values = new LinkedHashMap<>();
        for (ScriptStatement statement : plan.statements()) {
            parameters.recall(statement.text()).ifPresent(remembered -> remembered.forEach(values::putIfAbsent));
        }
        return values;
    }
}
