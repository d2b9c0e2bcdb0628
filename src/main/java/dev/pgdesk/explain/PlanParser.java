package dev.pgdesk.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the output of {@code EXPLAIN (FORMAT JSON)} (any supported server version) into a {@link Plan}.
 * Properties it does not model go into {@link PlanNode#details()}, so nothing the server said is lost.
 */
public final class PlanParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Properties read into fields of their own, so they are left out of {@link PlanNode#details()}. */
    private static final Set<String> MODELLED = Set.of(
            "Node Type",
            "Parent Relationship",
            "Subplan Name",
            "Parallel Aware",
            "Relation Name",
            "Schema",
            "Alias",
            "Index Name",
            "CTE Name",
            "Function Name",
            "Join Type",
            "Strategy",
            "Operation",
            "Startup Cost",
            "Total Cost",
            "Plan Rows",
            "Plan Width",
            "Actual Startup Time",
            "Actual Total Time",
            "Actual Rows",
            "Actual Loops",
            "Shared Hit Blocks",
            "Shared Read Blocks",
            "Shared Dirtied Blocks",
            "Shared Written Blocks",
            "Local Hit Blocks",
            "Local Read Blocks",
            "Local Dirtied Blocks",
            "Local Written Blocks",
            "Temp Read Blocks",
            "Temp Written Blocks",
            "Filter",
            "Index Cond",
            "Recheck Cond",
            "Hash Cond",
            "Merge Cond",
            "Join Filter",
            "Rows Removed by Filter",
            "Rows Removed by Join Filter",
            "Rows Removed by Index Recheck",
            "Workers Planned",
            "Workers Launched",
            "Plans");

    private PlanParser() {}

    /**
     * @param json the single value EXPLAIN (FORMAT JSON) returns: an array holding one object with {@code
     *     Plan}
     * @throws PlanFormatException the text is not JSON or has no plan
     */
    public static Plan parse(String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFormatException("The EXPLAIN output is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode top = document != null && document.isArray() ? document.path(0) : document;
        if (top == null || !top.path("Plan").isObject()) {
            throw new PlanFormatException(
                    "The EXPLAIN output has no \"Plan\": was it run with FORMAT JSON? It starts with: "
                            + abbreviate(json));
        }
        int[] nextId = {0};
        PlanNode root = node(top.get("Plan"), nextId);
        List<TriggerTime> triggers = new ArrayList<>();
        for (JsonNode trigger : top.path("Triggers")) {
            triggers.add(new TriggerTime(
                    trigger.path("Trigger Name").asText(""),
                    trigger.path("Relation").asText(""),
                    trigger.path("Time").asDouble(),
                    trigger.path("Calls").asLong()));
        }
        return new Plan(root, optionalDouble(top, "Planning Time"), optionalDouble(top, "Execution Time"), triggers);
    }

    private static PlanNode node(JsonNode json, int[] nextId) {
        int id = nextId[0]++;
        NodeEstimate estimate = new NodeEstimate(
                json.path("Startup Cost").asDouble(),
                json.path("Total Cost").asDouble(),
                json.path("Plan Rows").asDouble(),
                json.path("Plan Width").asLong());
        NodeActuals actuals = json.has("Actual Loops")
                ? new NodeActuals(
                        json.path("Actual Startup Time").asDouble(),
                        json.path("Actual Total Time").asDouble(),
                        json.path("Actual Rows").asDouble(),
                        json.path("Actual Loops").asLong())
                : null;
        NodeBuffers buffers = json.has("Shared Hit Blocks")
                ? new NodeBuffers(
                        json.path("Shared Hit Blocks").asLong(),
                        json.path("Shared Read Blocks").asLong(),
                        json.path("Shared Dirtied Blocks").asLong(),
                        json.path("Shared Written Blocks").asLong(),
                        json.path("Local Hit Blocks").asLong(),
                        json.path("Local Read Blocks").asLong(),
                        json.path("Local Dirtied Blocks").asLong(),
                        json.path("Local Written Blocks").asLong(),
                        json.path("Temp Read Blocks").asLong(),
                        json.path("Temp Written Blocks").asLong())
                : null;
        NodeConditions conditions = new NodeConditions(
                text(json, "Filter"),
                text(json, "Index Cond"),
                text(json, "Recheck Cond"),
                text(json, "Hash Cond"),
                text(json, "Merge Cond"),
                text(json, "Join Filter"),
                optionalDouble(json, "Rows Removed by Filter"),
                optionalDouble(json, "Rows Removed by Join Filter"),
                optionalDouble(json, "Rows Removed by Index Recheck"));
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!MODELLED.contains(field.getKey())) {
                details.put(field.getKey(), detailText(field.getValue()));
            }
        }
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : json.path("Plans")) {
            children.add(node(child, nextId));
        }
        return new PlanNode(
                id,
                json.path("Node Type").asText("?"),
                text(json, "Parent Relationship"),
                text(json, "Subplan Name"),
                json.path("Parallel Aware").asBoolean(false),
                text(json, "Relation Name"),
                text(json, "Schema"),
                text(json, "Alias"),
                text(json, "Index Name"),
                text(json, "CTE Name"),
                text(json, "Function Name"),
                text(json, "Join Type"),
                text(json, "Strategy"),
                text(json, "Operation"),
                estimate,
                actuals,
                buffers,
                conditions,
                optionalInt(json, "Workers Planned"),
                optionalInt(json, "Workers Launched"),
                details,
                children);
    }

    /** Lists (sort keys, output columns) joined with commas; objects (per-worker figures) as compact JSON. */
    private static String detailText(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            boolean scalars = true;
            for (JsonNode item : value) {
                scalars &= item.isValueNode();
                items.add(item.isValueNode() ? item.asText() : item.toString());
            }
            return scalars ? String.join(", ", items) : value.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double optionalDouble(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Integer optionalInt(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
