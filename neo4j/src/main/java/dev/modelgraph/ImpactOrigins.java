package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * The nodes a reference names, as cypher/graph/resolve-refs.cypher's `named` gives them (the
 * specification; test/impact-engines.test.ts compares the two for every form of reference): by id,
 * or by its type's natural key, each a seek on the unique index of V001, and a FIELD without
 * version the field in every dataset version visible at (asOf, knownAt), newest first.
 *
 * Why here: in the one impact statement, resolving in Cypher (twenty UNION branches, each planned
 * and run per reference, and a statement text the server parses on every call) cost more than the
 * walk of a few hundred nodes.
 */
final class ImpactOrigins {
    private static final RelationshipType VERSION_OF = RelationshipType.withName("VERSION_OF");
    private static final RelationshipType HAS_FIELD = RelationshipType.withName("HAS_FIELD");
    private static final Label DATASET = Label.label("Dataset"), DATASET_VERSION = Label.label("DatasetVersion"), FIELD = Label.label("Field"),
        MODEL = Label.label("Model"), MODEL_VERSION = Label.label("ModelVersion");
    /** The label of each node type (src/graph/node-types.ts). */
    private static final Map<String, Label> LABELS = Map.of("DATASET", DATASET, "DATASET_VERSION", DATASET_VERSION, "FIELD", FIELD,
        "FEATURE", Label.label("Feature"), "JOB", Label.label("Job"), "RUN", Label.label("Run"), "MODEL", MODEL, "MODEL_VERSION", MODEL_VERSION,
        "ENSEMBLE", Label.label("Ensemble"), "DEPLOYMENT", Label.label("Deployment"));

    private ImpactOrigins() {}

    /** `named` of every reference, one after the other (an impact has one reference). */
    static List<Node> resolve(Transaction tx, List<Map<String, Object>> refs, ZonedDateTime asOf, ZonedDateTime knownAt) {
        List<Node> out = new ArrayList<>();
        for (Map<String, Object> ref : refs) out.addAll(named(tx, ref, asOf, knownAt));
        return out;
    }

    private static List<Node> named(Transaction tx, Map<String, Object> ref, ZonedDateTime asOf, ZonedDateTime knownAt) {
        String type = (String) ref.get("type");
        Label label = type == null ? null : LABELS.get(type);
        if (label == null) return List.of();
        Object id = ref.get("id");
        Node n = id == null ? null : first(tx, label, "id", id);
        if (n == null) n = byKey(tx, type, ref);
        if (n != null) return List.of(n);
        if ("FIELD".equals(type) && id == null && ref.get("version") == null) return everyVisibleVersion(tx, ref, asOf, knownAt);
        return List.of();
    }

    /** The key branches of resolve-refs: a missing part (null) matches nothing, as `{name: null}` does. */
    private static Node byKey(Transaction tx, String type, Map<String, Object> ref) {
        Object namespace = ref.get("namespace"), name = ref.get("name"), version = ref.get("version");
        return switch (type) {
            case "DATASET", "FEATURE", "JOB" -> first(tx, LABELS.get(type), "namespace", namespace, "name", name);
            case "MODEL", "ENSEMBLE", "DEPLOYMENT" -> first(tx, LABELS.get(type), "name", name);
            case "DATASET_VERSION" -> version(tx, DATASET, namespace, name, DATASET_VERSION, version);
            case "FIELD" -> {
                Node v = version(tx, DATASET, namespace, name, DATASET_VERSION, version);
                yield v == null ? null : end(v, Direction.OUTGOING, HAS_FIELD, FIELD, "name", ref.get("field"));
            }
            case "MODEL_VERSION" -> version(tx, MODEL, null, ref.get("model"), MODEL_VERSION, version);
            default -> null; // RUN: by id only
        };
    }

    /** (:owner {namespace, name})<-[:VERSION_OF]-(n:versionLabel {version}); a model has no namespace. */
    private static Node version(Transaction tx, Label owner, Object namespace, Object name, Label versionLabel, Object version) {
        Node o = owner == MODEL ? first(tx, MODEL, "name", name) : first(tx, owner, "namespace", namespace, "name", name);
        return o == null ? null : end(o, Direction.INCOMING, VERSION_OF, versionLabel, "version", version);
    }

    /** The first node at the other end of a's `type` relationships with `label` and `key` = value. */
    private static Node end(Node a, Direction direction, RelationshipType type, Label label, String key, Object value) {
        if (value == null) return null;
        try (var rels = a.getRelationships(direction, type)) {
            for (Relationship r : rels) {
                Node b = r.getOtherNode(a);
                if (b.hasLabel(label) && equal(b.getProperty(key, null), value)) return b;
            }
        }
        return null;
    }

    /**
     * resolve-refs' second CALL: (:Dataset {namespace, name})<-[vo:VERSION_OF]-(v:DatasetVersion)-[hf:HAS_FIELD]->(f:Field {name: field}),
     * v and f visible at (asOf, knownAt), vo and hf recorded by knownAt and not retracted by then; ordered by v.createdAt DESC, v.version DESC.
     */
    private static List<Node> everyVisibleVersion(Transaction tx, Map<String, Object> ref, ZonedDateTime asOf, ZonedDateTime knownAt) {
        Object field = ref.get("field");
        Node dataset = first(tx, DATASET, "namespace", ref.get("namespace"), "name", ref.get("name"));
        if (dataset == null || field == null) return List.of();
        // Visibility as LineageRules states it; no from/to here (resolve-refs asks none of these relationships).
        LineageRules rules = new LineageRules(LineageRules.Flow.DOWNSTREAM, List.of(), null, asOf, knownAt);
        record Found(Node field, Value createdAt, Value version) {}
        List<Found> found = new ArrayList<>();
        try (var versions = dataset.getRelationships(Direction.INCOMING, VERSION_OF)) {
            for (Relationship vo : versions) {
                Node v = vo.getStartNode();
                if (!v.hasLabel(DATASET_VERSION) || !visible(rules, vo) || !rules.visible(v)) continue;
                try (var fields = v.getRelationships(Direction.OUTGOING, HAS_FIELD)) {
                    for (Relationship hf : fields) {
                        Node f = hf.getEndNode();
                        if (f.hasLabel(FIELD) && equal(f.getProperty("name", null), field) && visible(rules, hf) && rules.visible(f)) {
                            found.add(new Found(f, value(v.getProperty("createdAt", null)), value(v.getProperty("version", null))));
                        }
                    }
                }
            }
        }
        // Cypher's ORDER BY ... DESC: its orderability (nulls last ascending, so first here), reversed.
        Comparator<Value> desc = Values.COMPARATOR.reversed();
        found.sort(Comparator.comparing(Found::createdAt, desc).thenComparing(Found::version, desc));
        return found.stream().map(Found::field).toList();
    }

    private static boolean visible(LineageRules rules, Relationship r) {
        long a = LineageRules.ABSENT;
        return rules.visible(LineageRules.time(r.getProperty("recordedAt", null)), LineageRules.time(r.getProperty("retractedAt", null)), a, a, a);
    }

    private static Node first(Transaction tx, Label label, String key, Object value) {
        if (value == null) return null;
        try (var nodes = tx.findNodes(label, key, value)) {
            return nodes.hasNext() ? nodes.next() : null;
        }
    }

    private static Node first(Transaction tx, Label label, String key1, Object value1, String key2, Object value2) {
        if (value1 == null || value2 == null) return null;
        try (var nodes = tx.findNodes(label, key1, value1, key2, value2)) {
            return nodes.hasNext() ? nodes.next() : null;
        }
    }

    /** Cypher's = for the strings a reference holds: a stored value of another type is not equal. */
    private static boolean equal(Object stored, Object value) {
        return stored != null && Objects.equals(value(stored), value(value));
    }

    private static Value value(Object o) {
        return o == null ? Values.NO_VALUE : Values.of(o);
    }
}
