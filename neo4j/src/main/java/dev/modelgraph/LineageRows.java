package dev.modelgraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/**
 * What a traversal row says about its node besides the walk: the display label and, downstream,
 * the deployments serving a model version or ensemble at t (as recorded at knownAt). Computed here rather than by Cypher
 * after the procedure call, where per-row subqueries cost more than the walk itself. The rules are
 * those of the display and serving parts of cypher/lineage/{downstream,upstream}.cypher, including
 * Cypher's null semantics (a missing part makes the whole label null).
 */
final class LineageRows {
    private static final RelationshipType VERSION_OF = RelationshipType.withName("VERSION_OF");
    private static final RelationshipType RUN_OF = RelationshipType.withName("RUN_OF");
    private static final RelationshipType HAS_FIELD = RelationshipType.withName("HAS_FIELD");
    private static final RelationshipType SERVES = RelationshipType.withName("SERVES");
    private static final RelationshipType MEMBER = RelationshipType.withName("MEMBER");
    private static final Label DATASET_VERSION = Label.label("DatasetVersion");
    private static final Label DEPLOYMENT = Label.label("Deployment");
    private static final Label ENSEMBLE = Label.label("Ensemble");

    private LineageRows() {}

    static String nodeLabel(Node a) {
        Iterator<Label> labels = a.getLabels().iterator();
        return labels.hasNext() ? labels.next().name() : null;
    }

    /**
     * The display formats of src/graph/node-types.ts (NodeTypeDef.display): "namespace/name" for
     * datasets, jobs and features; "dataset@version", "dataset@version.field", "model@version",
     * "job#runId". test/traversal-engines.test.ts checks every label against the registry.
     */
    static String display(Node a, String label) {
        return display(a, label, STORE);
    }

    /** How a label finds a version's dataset, model or job (`owner`) and a field's dataset version. */
    interface Links {
        Node owner(Node version);

        Node fieldVersion(Node field);
    }

    /** The links as the store's relationship chains give them. */
    static final Links STORE = new Links() {
        @Override
        public Node owner(Node version) {
            return LineageRows.owner(version);
        }

        @Override
        public Node fieldVersion(Node field) {
            return LineageRows.fieldVersion(field);
        }
    };

    /** {@link #display(Node, String)}, its links found by `links`. */
    static String display(Node a, String label, Links links) {
        if (label == null) return str(a.getProperty("name", null));
        switch (label) {
            case "Dataset", "Job", "Feature" -> { return concat(a.getProperty("namespace", null), "/", a.getProperty("name", null)); }
            case "DatasetVersion" -> {
                Node owner = links.owner(a);
                return owner == null ? null : concat(owner.getProperty("namespace", null), "/", owner.getProperty("name", null), "@", a.getProperty("version", null));
            }
            case "Field" -> {
                Node version = links.fieldVersion(a);
                Node v = version == null ? a : version;
                Node owner = links.owner(v);
                return owner == null ? null : concat(owner.getProperty("namespace", null), "/", owner.getProperty("name", null), "@",
                    v.getProperty("version", null), ".", a.getProperty("name", null));
            }
            case "ModelVersion" -> {
                Node owner = links.owner(a);
                return owner == null ? null : concat(owner.getProperty("name", null), "@", a.getProperty("version", null));
            }
            case "Run" -> {
                Node owner = links.owner(a);
                String job = owner == null ? null : concat(owner.getProperty("namespace", null), "/", owner.getProperty("name", null), "#");
                return concat(job == null ? "" : job, a.getProperty("runId", null));
            }
            default -> { return str(a.getProperty("name", null)); }
        }
    }

    /**
     * The deployments serving a model version (directly or through an ensemble) or an ensemble: visible ones, by visible
     * relationships, in {@link #SERVING_ORDER} (the store's relationship order is no order a reader can rely on).
     */
    static List<Map<String, Object>> serving(Node a, String label, LineageRules rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!"ModelVersion".equals(label) && !"Ensemble".equals(label)) return out;
        servedBy(a, rules, null, null, out);
        if ("ModelVersion".equals(label)) {
            try (var members = a.getRelationships(Direction.INCOMING, MEMBER)) {
                for (Relationship m : members) {
                    Node e = m.getStartNode();
                    if (e.hasLabel(ENSEMBLE) && rules.visible(m) && rules.visible(e)) servedBy(e, rules, e, m, out);
                }
            }
        }
        out.sort(SERVING_ORDER);
        return out;
    }

    private static void servedBy(Node a, LineageRules rules, Node ensemble, Relationship member, List<Map<String, Object>> out) {
        try (var serves = a.getRelationships(Direction.INCOMING, SERVES)) {
            for (Relationship sv : serves) {
                Node dep = sv.getStartNode();
                if (dep.hasLabel(DEPLOYMENT) && rules.visible(sv) && rules.visible(dep)) out.add(servingRow(dep, sv, ensemble, member));
            }
        }
    }

    /** One serving row: the deployment, its `serves`, and the ensemble and `member` it serves through (null: directly). */
    static Map<String, Object> servingRow(Node dep, Relationship serves, Node ensemble, Relationship member) {
        Map<String, Object> row = new HashMap<>(8);
        row.put("deploymentId", dep.getProperty("id", null));
        row.put("deployment", dep.getProperty("name", null));
        row.put("environment", dep.getProperty("environment", null));
        row.put("trafficShare", serves.getProperty("trafficShare", null));
        row.put("ensemble", ensemble == null ? null : ensemble.getProperty("name", null));
        row.put("weight", member == null ? null : member.getProperty("weight", null));
        return row;
    }

    /**
     * Direct rows first, then those through ensembles; by ensemble, then deployment name (both unique), a missing name
     * last: cypher/lineage/downstream.cypher's ORDER BY.
     */
    static final Comparator<Map<String, Object>> SERVING_ORDER = Comparator
        .<Map<String, Object>>comparingInt(r -> r.get("ensemble") == null ? 0 : 1)
        .thenComparing(r -> (String) r.get("ensemble"), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> (String) r.get("deployment"), Comparator.nullsLast(Comparator.naturalOrder()));

    static Node owner(Node v) {
        try (var rels = v.getRelationships(Direction.OUTGOING, VERSION_OF, RUN_OF)) {
            for (Relationship r : rels) return r.getEndNode();
        }
        return null;
    }

    static Node fieldVersion(Node field) {
        try (var rels = field.getRelationships(Direction.INCOMING, HAS_FIELD)) {
            for (Relationship r : rels) if (r.getStartNode().hasLabel(DATASET_VERSION)) return r.getStartNode();
        }
        return null;
    }

    /** Cypher's + on strings: null if any part is null. */
    static String concat(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p == null) return null;
            sb.append(p);
        }
        return sb.toString();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
