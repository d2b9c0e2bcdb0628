package dev.pgdesk.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An analysed plan as a JSON document in pgdesk's own shape: the parsed node tree with camel-case names,
 * each node carrying its derived figures ({@code selfMillis}, {@code selfCost}, {@code share}, {@code
 * rowsRatio}) and its {@code marks}. Absent values are left out rather than written as null.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {}

    /** The document for {@code explained}, including the rollback note. */
    public static ObjectNode of(ExplainedPlan explained) {
        ObjectNode document = JSON.createObjectNode();
        document.put("statement", explained.statement());
        document.put("mode", explained.mode().name().toLowerCase(java.util.Locale.ROOT));
        document.put("rolledBack", explained.rolledBack());
        explained.rollbackMessage().ifPresent(message -> document.put("rollbackMessage", message));
        putIfPresent(document, "planningMillis", explained.plan().planningMillis());
        putIfPresent(document, "executionMillis", explained.plan().executionMillis());
        ArrayNode triggers = document.putArray("triggers");
        for (TriggerTime trigger : explained.plan().triggers()) {
            ObjectNode item = triggers.addObject();
            item.put("name", trigger.name());
            item.put("relation", trigger.relation());
            item.put("millis", trigger.millis());
            item.put("calls", trigger.calls());
        }
        document.set("plan", node(explained.plan().root(), explained.analysis()));
        return document;
    }

    private static ObjectNode node(PlanNode node, PlanAnalysis analysis) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", node.id());
        json.put("nodeType", node.nodeType());
        json.put("title", node.title());
        putIfPresent(json, "parentRelationship", node.parentRelationship());
        putIfPresent(json, "subplanName", node.subplanName());
        if (node.parallelAware()) {
            json.put("parallelAware", true);
        }
        putIfPresent(json, "relation", node.relationName());
        putIfPresent(json, "schema", node.schema());
        putIfPresent(json, "alias", node.alias());
        putIfPresent(json, "index", node.indexName());
        putIfPresent(json, "cte", node.cteName());
        putIfPresent(json, "function", node.functionName());
        putIfPresent(json, "joinType", node.joinType());
        putIfPresent(json, "strategy", node.strategy());
        putIfPresent(json, "operation", node.operation());
        ObjectNode estimate = json.putObject("estimate");
        estimate.put("startupCost", node.estimate().startupCost());
        estimate.put("totalCost", node.estimate().totalCost());
        estimate.put("rows", node.estimate().rows());
        estimate.put("width", node.estimate().width());
        if (node.actuals() != null) {
            ObjectNode actual = json.putObject("actual");
            actual.put("startupMillis", node.actuals().startupMillis());
            actual.put("totalMillis", node.actuals().totalMillis());
            actual.put("rows", node.actuals().rows());
            actual.put("loops", node.actuals().loops());
        }
        if (node.buffers() != null) {
            NodeBuffers b = node.buffers();
            ObjectNode buffers = json.putObject("buffers");
            buffers.put("sharedHit", b.sharedHit());
            buffers.put("sharedRead", b.sharedRead());
            buffers.put("sharedDirtied", b.sharedDirtied());
            buffers.put("sharedWritten", b.sharedWritten());
            buffers.put("localHit", b.localHit());
            buffers.put("localRead", b.localRead());
            buffers.put("localDirtied", b.localDirtied());
            buffers.put("localWritten", b.localWritten());
            buffers.put("tempRead", b.tempRead());
            buffers.put("tempWritten", b.tempWritten());
        }
        NodeConditions c = node.conditions();
        putIfPresent(json, "filter", c.filter());
        putIfPresent(json, "indexCond", c.indexCond());
        putIfPresent(json, "recheckCond", c.recheckCond());
        putIfPresent(json, "hashCond", c.hashCond());
        putIfPresent(json, "mergeCond", c.mergeCond());
        putIfPresent(json, "joinFilter", c.joinFilter());
        putIfPresent(json, "rowsRemovedByFilter", c.rowsRemovedByFilter());
        putIfPresent(json, "rowsRemovedByJoinFilter", c.rowsRemovedByJoinFilter());
        putIfPresent(json, "rowsRemovedByIndexRecheck", c.rowsRemovedByIndexRecheck());
        if (node.workersPlanned() != null) {
            json.put("workersPlanned", node.workersPlanned());
        }
        if (node.workersLaunched() != null) {
            json.put("workersLaunched", node.workersLaunched());
        }
        if (!node.details().isEmpty()) {
            ObjectNode details = json.putObject("details");
            for (Map.Entry<String, String> detail : node.details().entrySet()) {
                details.put(detail.getKey(), detail.getValue());
            }
        }
        NodeAnalysis derived = analysis.of(node);
        putIfPresent(json, "selfMillis", derived.selfMillis());
        json.put("selfCost", derived.selfCost());
        json.put("share", derived.share());
        putIfPresent(json, "rowsRatio", derived.rowsRatio());
        ArrayNode marks = json.putArray("marks");
        for (PlanMark mark : derived.marks()) {
            ObjectNode item = marks.addObject();
            item.put("kind", mark.kind().name());
            item.put("message", mark.message());
        }
        ArrayNode children = json.putArray("children");
        for (PlanNode child : node.children()) {
            children.add(node(child, analysis));
        }
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode json, String field, Double value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
